package dev.parley.assistant.llm;

import dev.parley.assistant.llm.GroundedDecision.Answered;
import dev.parley.assistant.llm.GroundedDecision.Unanswerable;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Message;
import dev.parley.conversation.SourceRef;
import dev.parley.knowledge.KnowledgeArticle;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How the model's structured answer and the retrieval confidence become one decision. */
final class Decisions {

    /** How many earlier messages the model sees. */
    static final int HISTORY_MESSAGES = 6;
    /** An unanswerable question keeps only a quarter of the retrieval confidence: it must escalate. */
    static final double UNANSWERABLE_FACTOR = 0.25;
    /** Citing an article it was not given makes the whole answer less trustworthy. */
    static final double INVENTED_SOURCE_FACTOR = 0.8;

    private Decisions() {
    }

    static GroundedDecision judge(StructuredAnswer structured, GroundedQuestion question) {
        return judge(structured, question, Map.of());
    }

    /**
     * With tool results: an answer may cite them like articles ({@code action:<name>}); one that does is drawn from
     * the company's own system, not a guess from retrieval, so it keeps full confidence (less if it invented sources).
     */
    static GroundedDecision judge(StructuredAnswer structured, GroundedQuestion question,
            Map<String, SourceRef> toolResults) {
        double retrieval = question.retrievalConfidence();
        if (!structured.answerable()) {
            return new Unanswerable(retrieval * UNANSWERABLE_FACTOR, "the articles do not answer the question", false);
        }
        Map<String, KnowledgeArticle> given = question.articles().stream()
                .collect(Collectors.toMap(KnowledgeArticle::id, Function.identity(), (a, b) -> a));
        List<String> cited = structured.usedSources().stream().distinct().toList();
        List<SourceRef> sources = cited.stream().filter(id -> given.containsKey(id) || toolResults.containsKey(id))
                .map(id -> toolResults.containsKey(id) ? toolResults.get(id)
                        : new SourceRef(id, given.get(id).title(), given.get(id).url()))
                .toList();
        if (sources.isEmpty()) {
            return new Unanswerable(retrieval * UNANSWERABLE_FACTOR, "the answer cited none of the given articles",
                    false);
        }
        double grounded = sources.stream().anyMatch(s -> toolResults.containsKey(s.articleId())) ? 1.0 : retrieval;
        double confidence = sources.size() == cited.size() ? grounded : grounded * INVENTED_SOURCE_FACTOR;
        return new Answered(structured.answer(), confidence, sources, false);
    }

    /** Puts the customer's own data back into an answer and marks where it came from. */
    static GroundedDecision restored(GroundedDecision decision, PiiRedactor.Session session, boolean fromCache) {
        return switch (decision) {
            case Answered a -> new Answered(session.restore(a.text()), a.confidence(), a.sources(), fromCache);
            case Unanswerable u -> new Unanswerable(u.confidence(), u.why(), fromCache);
            case GroundedDecision.Acted acted -> acted;
            case GroundedDecision.Failed f -> f;
        };
    }

    /** A question asked before anything else the customer said, so its answer does not depend on context. */
    static boolean standalone(GroundedQuestion question) {
        return question.history().stream().noneMatch(message -> message.authorType() == AuthorType.CUSTOMER);
    }

    /** The last visible messages as {@code role: text} lines, redacted in the same session. */
    static List<String> historyLines(List<Message> history, PiiRedactor.Session session) {
        List<Message> visible = history.stream()
                .filter(Message::visibleToCustomer)
                .filter(message -> message.authorType() != AuthorType.SYSTEM)
                .toList();
        return visible.subList(Math.max(0, visible.size() - HISTORY_MESSAGES), visible.size()).stream()
                .map(message -> message.authorType().name().toLowerCase() + ": " + session.redact(message.text()))
                .toList();
    }
}
