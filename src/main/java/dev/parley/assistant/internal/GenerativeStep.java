package dev.parley.assistant.internal;

import dev.parley.assistant.AssistantSettings;
import dev.parley.assistant.llm.GroundedAnswerer;
import dev.parley.assistant.llm.GroundedDecision;
import dev.parley.assistant.llm.GroundedQuestion;
import dev.parley.assistant.llm.LlmOutcomes;
import dev.parley.conversation.AssistantOutcome;
import dev.parley.conversation.AssistantRequest;
import dev.parley.conversation.EscalationReason;
import dev.parley.engine.scoring.ScoredArticle;
import dev.parley.knowledge.KnowledgeArticle;
import dev.parley.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * With an LLM provider configured, the model writes the answer from the top articles, and the
 * offline scorer's calibrated confidence still decides whether it is sent. The customer's own signals
 * (asks for a person, frustration, going in circles) are never handed to the model to overrule.
 */
@Component
public class GenerativeStep {

    static final int ARTICLES = 3;
    private static final Set<EscalationReason> KEEP = EnumSet.of(EscalationReason.HUMAN_REQUESTED,
            EscalationReason.FRUSTRATION, EscalationReason.LOOP);

    private final GroundedAnswerer grounded;
    private final KnowledgeBase knowledge;
    private final AssistantSettings settings;

    public GenerativeStep(GroundedAnswerer grounded, KnowledgeBase knowledge, AssistantSettings settings) {
        this.grounded = grounded;
        this.knowledge = knowledge;
        this.settings = settings;
    }

    boolean enabled() {
        return grounded.enabled();
    }

    AssistantOutcome answer(AssistantRequest request, AssistantDecision offline) {
        AssistantOutcome outcome = offline.outcome();
        if (outcome.escalates() && KEEP.contains(outcome.escalationReason())) {
            return outcome;
        }
        String question = request.message().text();
        List<KnowledgeArticle> articles = topArticles(question, offline);
        if (articles.isEmpty() && !grounded.offersTools()) {
            return outcome;
        }
        double retrieval = offline.best().map(ScoredArticle::confidence).orElse(0.0);
        GroundedDecision decision = grounded.stream(new GroundedQuestion(request.conversation().id(),
                request.message().id(), question, request.history(), articles, retrieval, knowledge.version()));
        return LlmOutcomes.toOutcome(decision, outcome, settings.confidenceThreshold());
    }

    /** The scorer's best article first, then the hybrid search's next best, without repeats. */
    private List<KnowledgeArticle> topArticles(String question, AssistantDecision offline) {
        List<KnowledgeArticle> top = new ArrayList<>(ARTICLES);
        offline.best().map(ScoredArticle::article).ifPresent(top::add);
        for (var hit : knowledge.search(question, ARTICLES)) {
            if (top.size() >= ARTICLES) {
                break;
            }
            if (top.stream().noneMatch(a -> a.id().equals(hit.articleId()))) {
                knowledge.article(hit.articleId()).ifPresent(top::add);
            }
        }
        return top;
    }
}
