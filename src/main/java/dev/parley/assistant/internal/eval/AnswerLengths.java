package dev.parley.assistant.internal.eval;

import dev.parley.assistant.internal.KnowledgeAssistant;
import dev.parley.assistant.passage.ArticleText;
import dev.parley.assistant.passage.Passage;
import dev.parley.knowledge.KnowledgeArticle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the customer is shown: for every in-scope question whose best article is the expected one, the length
 * of the answer passage, and how many of the question's content words it contains compared with the start of
 * the same article cut to the same length (the answer before passages). A proxy for "the answer is in the
 * passage" where a data set has no gold answer span.
 */
final class AnswerLengths {

    private static final Set<String> STOPWORDS = Set.of("what", "when", "where", "which", "with", "have", "does",
            "that", "this", "there", "your", "from", "about", "would", "could", "should", "will", "they", "them",
            "their", "been", "were", "into", "than", "then", "also", "just", "like", "want", "need", "know", "please",
            "thanks", "hello");

    private AnswerLengths() {
    }

    static Map<String, Object> measure(KnowledgeAssistant assistant, List<EvalFiles.LabelledQuestion> questions,
            Function<String, KnowledgeArticle> articles) {
        List<Integer> lengths = new ArrayList<>();
        List<Integer> articleLengths = new ArrayList<>();
        double passageCoverage = 0;
        double startCoverage = 0;
        int whole = 0;
        int measured = 0;
        for (var question : questions) {
            if (!question.inScope()) {
                continue;
            }
            var decision = assistant.decide(question.question(), List.of());
            var best = decision.best();
            if (best.isEmpty() || !best.get().article().id().equals(question.expected())) {
                continue;
            }
            String reply = decision.outcome().replyText();
            int link = reply.lastIndexOf("\n\nRead more: [");
            String passage = link < 0 ? reply : reply.substring(0, link);
            KnowledgeArticle article = articles.apply(question.expected());
            String full = new Passage(ArticleText.units(article.body()), true).markdown();
            String start = full.substring(0, Math.min(full.length(), passage.length()));
            Set<String> asked = words(question.question());
            if (!asked.isEmpty()) {
                passageCoverage += share(asked, words(passage));
                startCoverage += share(asked, words(start));
            }
            whole += passage.length() >= full.length() ? 1 : 0;
            lengths.add(passage.length());
            articleLengths.add(full.length());
            measured++;
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("questions", measured);
        report.put("answerCharsMedian", percentile(lengths, 50));
        report.put("answerCharsP90", percentile(lengths, 90));
        report.put("answerCharsMax", percentile(lengths, 100));
        report.put("articleCharsMedian", percentile(articleLengths, 50));
        // Before passages the answer was the article's start, cut near 1,200 characters.
        report.put("previousAnswerCharsMedian", percentile(articleLengths.stream().map(n -> Math.min(n, 1200)).toList(), 50));
        report.put("wholeArticleShare", measured == 0 ? 0 : round((double) whole / measured));
        report.put("questionWordsInPassage", measured == 0 ? 0 : round(passageCoverage / measured));
        report.put("questionWordsInArticleStartOfSameLength", measured == 0 ? 0 : round(startCoverage / measured));
        return report;
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() >= 4 && !STOPWORDS.contains(w))
                .map(w -> w.length() > 5 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w)
                .collect(Collectors.toSet());
    }

    private static double share(Set<String> asked, Set<String> shown) {
        return (double) asked.stream().filter(shown::contains).count() / asked.size();
    }

    private static int percentile(List<Integer> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Integer> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
