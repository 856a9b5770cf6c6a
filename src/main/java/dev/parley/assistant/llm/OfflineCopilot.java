package dev.parley.assistant.llm;

import dev.parley.assistant.passage.Passage;
import dev.parley.assistant.passage.Passages;
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
 * The copilot without a model: the passage of the article that best answers the customer's last question
 * becomes the suggested reply, and the summary is the customer's first question plus the conversation's key
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

    /**
     * Among the articles that share words with what the customer wrote, the one whose best passage is closest to
     * the customer's last question; the draft is that passage (not the whole article) with a greeting and the
     * article linked once, for the agent to edit.
     */
    static CopilotDraft suggestReply(List<Message> transcript, List<KnowledgeArticle> articles, Passages passages,
            int maxChars) {
        Set<String> asked = new LinkedHashSet<>(terms(customerText(transcript)));
        String question = transcript.reversed().stream().filter(m -> m.authorType() == AuthorType.CUSTOMER)
                .map(Message::text).findFirst().orElse("");
        return articles.stream()
                .filter(article -> overlap(asked, article) > 0)
                .map(article -> new Suggestion(article, passages.best(question, article.body(), maxChars)))
                .filter(suggestion -> !suggestion.passage().isEmpty())
                .max(Comparator.comparingDouble(s -> passages.similarity(question, s.passage())))
                .map(best -> new CopilotDraft(best.text(greeting(transcript)),
                        List.of(new SourceRef(best.article().id(), best.article().title(), best.article().url())), false))
                .orElse(new CopilotDraft("", List.of(), false));
    }

    private record Suggestion(KnowledgeArticle article, Passage passage) {

        String text(String greeting) {
            String link = article.url() == null || article.url().isBlank() ? ""
                    : "\n\nMore details: [" + article.title().replace("[", "(").replace("]", ")") + "](" + article.url() + ")";
            return greeting + "\n\n" + passage.markdown() + link;
        }
    }

    /** "Hi Jane," when the customer gave a name, "Hi," otherwise. */
    private static String greeting(List<Message> transcript) {
        return transcript.stream().filter(m -> m.authorType() == AuthorType.CUSTOMER)
                .map(Message::authorName).filter(name -> name != null && !name.isBlank())
                .map(name -> name.strip().split("\\s+")[0])
                .filter(first -> first.chars().allMatch(Character::isLetter) && !first.equalsIgnoreCase("customer")
                        && !first.equalsIgnoreCase("visitor"))
                .findFirst().map(first -> "Hi " + first + ",").orElse("Hi,");
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

}
