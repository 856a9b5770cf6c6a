package dev.parley.analytics.internal;

import dev.parley.analytics.AnalyticsSummary.QuestionGroup;
import dev.parley.engine.runtime.TextEmbeddings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Groups questions that mean the same thing: identical wording first, then sentence embeddings
 * (cosine similarity to the group's first question above a threshold). Greedy and order-stable, so the
 * same questions always form the same groups. A question without letters or digits ("🙂", "?!") has no
 * wording to embed (the model refuses blank text): it groups only with the same characters.
 */
@Component
public class QuestionGrouping {

    static final double SAME_QUESTION = 0.83;
    private static final int VARIANTS = 5;

    private final TextEmbeddings embeddings;

    QuestionGrouping(TextEmbeddings embeddings) {
        this.embeddings = embeddings;
    }

    public List<QuestionGroup> group(List<String> questions, int top) {
        Map<String, List<String>> byWording = new LinkedHashMap<>();
        for (String q : questions) {
            String wording = normalize(q);
            // A key without words is the stripped text itself, never equal to a normalised key with words.
            byWording.computeIfAbsent(wording.isEmpty() ? q.strip() : wording, k -> new ArrayList<>()).add(q.strip());
        }
        List<String> worded = byWording.keySet().stream().filter(key -> !normalize(key).isEmpty()).toList();
        List<float[]> vectors = worded.isEmpty() ? List.of() : embeddings.embedAll(worded);
        List<Cluster> clusters = new ArrayList<>();
        for (int i = 0; i < worded.size(); i++) {
            Cluster home = null;
            for (Cluster c : clusters) {
                if (dot(c.anchor, vectors.get(i)) >= SAME_QUESTION) {
                    home = c;
                    break;
                }
            }
            if (home == null) {
                home = new Cluster(vectors.get(i));
                clusters.add(home);
            }
            home.add(byWording.get(worded.get(i)));
        }
        byWording.forEach((key, phrasings) -> {
            if (normalize(key).isEmpty()) {
                Cluster alone = new Cluster(null);
                alone.add(phrasings);
                clusters.add(alone);
            }
        });
        return clusters.stream()
                .sorted(Comparator.comparingLong(Cluster::count).reversed())
                .limit(top)
                .map(Cluster::toGroup)
                .toList();
    }

    static String normalize(String question) {
        return question.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static final class Cluster {
        private final float[] anchor;
        private final Map<String, Long> phrasings = new LinkedHashMap<>();
        private long count;

        Cluster(float[] anchor) {
            this.anchor = anchor;
        }

        void add(List<String> same) {
            same.forEach(q -> phrasings.merge(q, 1L, Long::sum));
            count += same.size();
        }

        long count() {
            return count;
        }

        QuestionGroup toGroup() {
            List<String> ranked = phrasings.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(Map.Entry::getKey).toList();
            return new QuestionGroup(ranked.getFirst(), count, ranked.stream().limit(VARIANTS).toList());
        }
    }
}
