package dev.parley.assistant.internal;

import dev.parley.assistant.internal.scoring.ScoredArticle;
import dev.parley.conversation.AssistantOutcome;
import java.util.Optional;

/** The outcome for the conversation, and the scorer's best article behind it (also when escalated). */
public record AssistantDecision(AssistantOutcome outcome, Optional<ScoredArticle> best) {
}
