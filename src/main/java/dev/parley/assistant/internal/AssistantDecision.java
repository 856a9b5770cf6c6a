package dev.parley.assistant.internal;

import dev.parley.conversation.AssistantOutcome;
import dev.parley.engine.scoring.ScoredArticle;
import dev.parley.knowledge.KnowledgeArticle;
import java.util.Optional;

/** The outcome for the conversation, and the scorer's best article behind it (also when escalated). */
public record AssistantDecision(AssistantOutcome outcome, Optional<ScoredArticle<KnowledgeArticle>> best) {
}
