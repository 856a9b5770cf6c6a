package dev.parley.assistant.passage;

import dev.parley.engine.runtime.TextEmbeddings;
import java.util.List;

/**
 * Picks the passage of an article that answers a question: the sentence or list item most similar to the
 * question (embedding cosine), grown with its neighbours, the more similar first, up to the length limit. A
 * neighbour much less similar than the best unit ends the passage once it has a useful length, except the rest
 * of a list the passage is in (kept whole when it fits); a list's lead-in ("You can pay with:") comes with its items.
 */
public final class Passages {

    /** How much less similar than the best unit a neighbour may be and still join a passage of useful length. */
    static final double NEAR_BEST = 0.08;
    /** A neighbour in the same paragraph or list reads on more naturally than one across a break. */
    static final double SAME_BLOCK = 0.03;

    private final TextEmbeddings embeddings;

    public Passages(TextEmbeddings embeddings) {
        this.embeddings = embeddings;
    }

    public Passage best(String question, String body, int maxChars) {
        List<ArticleUnit> units = ArticleText.units(body);
        if (fits(units, maxChars)) {
            return new Passage(units, true);
        }
        float[] asked = embeddings.embed(question);
        List<float[]> vectors = embeddings.embedAll(units.stream().map(ArticleUnit::inContext).toList());
        double[] similarity = new double[units.size()];
        for (int i = 0; i < units.size(); i++) {
            similarity[i] = dot(asked, vectors.get(i));
        }
        return grow(units, similarity, maxChars);
    }

    /** How close a passage is to the question (cosine of their embeddings). */
    public double similarity(String question, Passage passage) {
        return dot(embeddings.embed(question), embeddings.embed(passage.plain()));
    }

    static Passage grow(List<ArticleUnit> units, double[] similarity, int maxChars) {
        int best = 0;
        for (int i = 1; i < units.size(); i++) {
            if (similarity[i] > similarity[best]) {
                best = i;
            }
        }
        if (units.get(best).length() > maxChars) {
            return new Passage(List.of(cut(units.get(best), maxChars)), false);
        }
        int from = best;
        int to = best;
        int length = units.get(best).length();
        while (true) {
            int before = from - 1;
            int after = to + 1;
            double beforeScore = score(units, similarity, before, from);
            double afterScore = score(units, similarity, after, to);
            if (before >= 0 && units.get(from).item() && !units.get(before).item()
                    && units.get(before).markdown().endsWith(":")) {
                beforeScore = Double.MAX_VALUE;
            }
            int next = beforeScore >= afterScore ? before : after;
            double nextScore = Math.max(beforeScore, afterScore);
            if (nextScore == Double.NEGATIVE_INFINITY) {
                break;
            }
            int added = units.get(next).length() + 2;
            boolean useful = length >= maxChars / 3;
            if (length + added > maxChars || useful && nextScore < similarity[best] - NEAR_BEST) {
                break;
            }
            length += added;
            from = Math.min(from, next);
            to = Math.max(to, next);
        }
        return new Passage(units.subList(from, to + 1), from == 0 && to == units.size() - 1);
    }

    /** Similarity to the question; the rest of a list the passage is in comes first (kept whole when it fits). */
    private static double score(List<ArticleUnit> units, double[] similarity, int candidate, int edge) {
        if (candidate < 0 || candidate >= units.size()) {
            return Double.NEGATIVE_INFINITY;
        }
        boolean sameBlock = units.get(candidate).block() == units.get(edge).block();
        if (sameBlock && units.get(candidate).item()) {
            return 1 + similarity[candidate];
        }
        return similarity[candidate] + (sameBlock ? SAME_BLOCK : 0);
    }

    private static boolean fits(List<ArticleUnit> units, int maxChars) {
        return new Passage(units, true).length() <= maxChars;
    }

    /** A single unit longer than the limit: its plain text cut at a word, so no link or bold is left open. */
    private static ArticleUnit cut(ArticleUnit unit, int maxChars) {
        String text = unit.plain();
        int space = text.lastIndexOf(' ', maxChars - 1);
        return new ArticleUnit(unit.block(), unit.marker(), text.substring(0, space > maxChars / 2 ? space : maxChars - 1)
                .strip() + " …", unit.heading());
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
