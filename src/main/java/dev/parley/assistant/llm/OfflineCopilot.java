package dev.parley.assistant.llm;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Message;
import dev.parley.conversation.SourceRef;
import dev.parley.knowledge.KnowledgeArticle;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The copilot without a model: the article that best matches what the customer wrote becomes the
 * suggested reply, and the summary is the customer's first question plus the conversation's key
 * sentences, scored by how often their words occur in the whole conversation.
 */
final class OfflineCopilot {

    static final int KEY_SENTENCES = 2;

    private static final Set<String> STOPWORDS = Set.of("the", "a", "an", "and", "or", "is", "are", "was", "were",
            "i", "you", "we", "it", "to", "of", "in", "on", "for", "my", "your", "our", "me", "this", "that", "with",
            "be", "have", "has", "do", "does", "can", "could", "please", "thanks", "thank", "hi", "hello", "at", "as",
            "but", "not", "so", "if", "there", "what", "how", "when", "will", "would", "just", "get", "got", "am");

    private OfflineCopilot() {
    }

    static CopilotDraft suggestReply(List<Message> transcript, List<KnowledgeArticle> articles) {
        Set<String> asked = new LinkedHashSet<>(terms(customerText(transcript)));
        return articles.stream()
                .map(article -> Map.entry(article, overlap(asked, article)))
                .filter(scored -> scored.getValue() > 0)
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .map(best -> new CopilotDraft(plain(best.body()),
                        List.of(new SourceRef(best.id(), best.title(), best.url())), false))
                .orElse(new CopilotDraft("", List.of(), false));
    }

    static CopilotDraft summarize(List<Message> transcript) {
        List<Message> visible = transcript.stream().filter(Message::visibleToCustomer)
                .filter(message -> message.authorType() != AuthorType.SYSTEM).toList();
        if (visible.isEmpty()) {
            return new CopilotDraft("", List.of(), false);
        }
        Message first = visible.stream().filter(m -> m.authorType() == AuthorType.CUSTOMER).findFirst()
                .orElse(visible.getFirst());
        Map<String, Integer> frequency = new HashMap<>();
        visible.forEach(message -> terms(message.text()).forEach(term -> frequency.merge(term, 1, Integer::sum)));
        List<String> sentences = visible.stream().filter(message -> message != first)
                .flatMap(message -> sentences(message.text()).stream()
                        .map(sentence -> label(message) + ": " + sentence))
                .toList();
        List<String> key = IntStream.range(0, sentences.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -score(sentences.get(i), frequency))
                        .thenComparing(i -> i))
                .limit(KEY_SENTENCES).sorted().map(sentences::get).toList();
        StringBuilder summary = new StringBuilder("Customer asked: ").append(first.text().strip());
        key.forEach(sentence -> summary.append("\n- ").append(sentence));
        return new CopilotDraft(summary.toString(), List.of(), false);
    }

    private static String label(Message message) {
        return message.authorType().name().charAt(0) + message.authorType().name().substring(1).toLowerCase(Locale.ROOT);
    }

    private static double score(String sentence, Map<String, Integer> frequency) {
        List<String> terms = terms(sentence.substring(sentence.indexOf(':') + 1));
        return terms.isEmpty() ? 0 : terms.stream().mapToInt(t -> frequency.getOrDefault(t, 0)).sum()
                / Math.sqrt(terms.size());
    }

    private static String customerText(List<Message> transcript) {
        return String.join(" ", transcript.stream().filter(m -> m.authorType() == AuthorType.CUSTOMER)
                .map(Message::text).toList());
    }

    private static double overlap(Set<String> asked, KnowledgeArticle article) {
        String heading = article.title() + " " + String.join(" ", article.examples()) + " "
                + String.join(" ", article.tags());
        Set<String> headingTerms = Set.copyOf(terms(heading));
        Set<String> bodyTerms = Set.copyOf(terms(article.body()));
        return asked.stream().mapToDouble(t -> (headingTerms.contains(t) ? 2 : 0) + (bodyTerms.contains(t) ? 1 : 0))
                .sum();
    }

    static List<String> sentences(String text) {
        return List.of(text.strip().split("(?<=[.!?])\\s+")).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    static List<String> terms(String text) {
        return List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).stream()
                .filter(term -> term.length() > 1 && !STOPWORDS.contains(term))
                .map(term -> term.length() > 4 && term.endsWith("s") ? term.substring(0, term.length() - 1) : term)
                .toList();
    }

    /** Article Markdown as plain text an agent can edit. */
    private static String plain(String markdown) {
        return markdown.replaceAll("(?m)^#{1,6}\\s*", "").replaceAll("\\*\\*|__|`", "")
                .replaceAll("\\[([^\\]]+)]\\(([^)]+)\\)", "$1 ($2)").strip();
    }
}
