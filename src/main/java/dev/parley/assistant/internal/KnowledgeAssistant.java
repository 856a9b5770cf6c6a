package dev.parley.assistant.internal;

import dev.parley.action.ActionDialogs;
import dev.parley.assistant.AssistantSettings;
import dev.parley.assistant.internal.policy.ConversationLoop;
import dev.parley.assistant.internal.policy.FollowUp;
import dev.parley.assistant.internal.policy.Frustration;
import dev.parley.assistant.internal.policy.HumanRequest;
import dev.parley.assistant.passage.Passages;
import dev.parley.conversation.AssistantOutcome;
import dev.parley.conversation.AssistantPort;
import dev.parley.conversation.AssistantRequest;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.Message;
import dev.parley.conversation.SourceRef;
import dev.parley.engine.runtime.TextEmbeddings;
import dev.parley.engine.scoring.ArticleScorer;
import dev.parley.engine.scoring.ScoredArticle;
import dev.parley.knowledge.KnowledgeArticle;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The offline assistant: customer signals first (asks for a person, says the answer did not help,
 * frustrated), then retrieve and score the best article with a calibrated confidence, then the
 * conversation-level check (the same need asked again after an answer) and the threshold; it answers with the article or escalates with a reason. The eval command runs this
 * same class. An action attached to the article picked (or waiting for the customer's answer) runs instead of a quote.
 */
@Component
public class KnowledgeAssistant implements AssistantPort {

    private static final Pattern IDENTIFIERS = Pattern.compile("#?[\\p{L}\\-]*\\d[\\p{L}\\d\\-]*");

    private final TrainedScorer scorers;
    private final TextEmbeddings embeddings;
    private final AssistantSettings settings;
    private final ConversationLoop loop;
    private final GenerativeStep generative;
    private final Passages passages;
    private final ActionDialogs actions;

    /** The offline assistant alone, as the eval command runs it. */
    public KnowledgeAssistant(TrainedScorer scorers, TextEmbeddings embeddings, AssistantSettings settings) {
        this(scorers, embeddings, settings, null, null);
    }

    @Autowired
    public KnowledgeAssistant(TrainedScorer scorers, TextEmbeddings embeddings, AssistantSettings settings,
            GenerativeStep generative, ActionDialogs actions) {
        this.generative = generative;
        this.actions = actions;
        this.scorers = scorers;
        this.embeddings = embeddings;
        this.settings = settings;
        this.passages = new Passages(embeddings);
        this.loop = new ConversationLoop(settings.loop().window(), settings.loop().repeatSimilarity());
    }

    @Override
    public AssistantOutcome handle(AssistantRequest request) {
        String text = request.message().text();
        // actions belong to a conversation; a question without one (a test or evaluation) is only answered
        UUID conversationId = request.conversation() == null ? null : request.conversation().id();
        if (actions != null && conversationId != null) {
            if (settings.humanRequest() && HumanRequest.asked(text)) {
                actions.forget(conversationId);
            } else {
                Optional<AssistantOutcome> answered = actions.resume(conversationId, text);
                if (answered.isPresent()) {
                    return answered.get();
                }
            }
        }
        AssistantDecision offline = decide(text, request.history());
        Optional<AssistantOutcome> acted = act(offline, request);
        if (acted.isPresent()) {
            return acted.get();
        }
        if (generative != null && generative.enabled()) {
            return generative.answer(request, offline);
        }
        return offline.outcome();
    }

    /**
     * A confidently picked article with an action attached runs the action instead of being quoted. Identifiers
     * ("#5003", "A-1234") are values for the action, not words of the intent: when they leave the message short of
     * the threshold, the message without them may still pick an article that has an action.
     */
    private Optional<AssistantOutcome> act(AssistantDecision offline, AssistantRequest request) {
        if (actions == null || request.conversation() == null) {
            return Optional.empty();
        }
        String text = request.message().text();
        AssistantDecision decision = offline;
        if (offline.outcome().escalationReason() == EscalationReason.LOW_CONFIDENCE
                && IDENTIFIERS.matcher(text).find()) {
            decision = decide(IDENTIFIERS.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").strip(),
                    request.history());
        }
        if (decision.outcome().escalates() || decision.best().isEmpty()) {
            return Optional.empty();
        }
        ScoredArticle<KnowledgeArticle> best = decision.best().get();
        return actions.start(best.article().id(), request.conversation().id(), text, best.confidence());
    }

    public AssistantDecision decide(String text, List<Message> history) {
        if (settings.humanRequest() && HumanRequest.asked(text)) {
            return escalate(EscalationReason.HUMAN_REQUESTED, Optional.empty());
        }
        if (loop.answerRejected(text, history)) {
            return escalate(EscalationReason.LOOP, Optional.empty());
        }
        if (settings.frustration() && Frustration.frustrated(text)) {
            return escalate(EscalationReason.FRUSTRATION, Optional.empty());
        }
        ArticleScorer<KnowledgeArticle> scorer = scorers.current();
        TextEmbeddings embeddings = scorer.encoder().orElse(this.embeddings);
        float[] question = embeddings.embed(text);
        Optional<ScoredArticle<KnowledgeArticle>> best = scorer.score(text, question);
        Optional<String> inContext = FollowUp.inContext(text, history);
        if (inContext.isPresent() && best.isPresent()) {
            Optional<ScoredArticle<KnowledgeArticle>> contextual = scorer.score(inContext.get(), embeddings.embed(inContext.get()));
            if (contextual.isPresent() && contextual.get().confidence() > best.get().confidence()) {
                best = contextual;
            }
        }
        if (best.isEmpty()) {
            return escalate(EscalationReason.NO_KNOWLEDGE, best);
        }
        best = preferCustomersLanguage(scorer, text, question, best);
        if (loop.repeats(text, question, best.get().article().id(), history, embeddings::embed)) {
            return escalate(EscalationReason.LOOP, best);
        }
        double confidence = best.get().confidence();
        if (confidence < settings.confidenceThreshold()) {
            return escalate(EscalationReason.LOW_CONFIDENCE, best);
        }
        var article = best.get().article();
        var source = new SourceRef(article.id(), article.title(), article.url());
        String answer = AnswerText.of(article,
                passages.best(inContext.orElse(text), article.body(), settings.maxAnswerChars()));
        answer = LanguageNote.before(text, article.locale()).map(note -> note + "\n\n").orElse("") + answer;
        return new AssistantDecision(AssistantOutcome.answer(answer, confidence, List.of(source)), best);
    }

    /**
     * When the best article is in another language than the customer's and the knowledge base has
     * articles in theirs, the best of those answers instead if it is confident enough.
     */
    private Optional<ScoredArticle<KnowledgeArticle>> preferCustomersLanguage(ArticleScorer<KnowledgeArticle> scorer, String text, float[] question,
            Optional<ScoredArticle<KnowledgeArticle>> best) {
        var language = LanguageNote.detect(text);
        if (language.isEmpty() || LanguageNote.written(best.get().article().locale(), language.get())) {
            return best;
        }
        return scorer.score(text, question, article -> LanguageNote.written(article.locale(), language.get()))
                .filter(inLanguage -> inLanguage.confidence() >= settings.confidenceThreshold())
                .or(() -> best);
    }

    private static AssistantDecision escalate(EscalationReason reason, Optional<ScoredArticle<KnowledgeArticle>> best) {
        double confidence = best.map(ScoredArticle::confidence).orElse(0.0);
        return new AssistantDecision(AssistantOutcome.escalate(reason, Replies.escalation(reason), confidence), best);
    }
}
