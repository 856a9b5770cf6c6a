package dev.parley.engine.scoring;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Wording that recurs across a knowledge base written as prose: a greeting, the support team's hours, a closing
 * offer of help, repeated on many articles. A passage made mostly of it tells its article from no other, so it is no
 * training text (ADR 0035): matched, it pulls questions towards whichever article has the most of it, and held out,
 * it teaches the calibrator that a close match is a wrong one.
 *
 * <p>A passage is boilerplate when more than half of its three-word sequences each occur in at least a tenth of the
 * articles (and at least two). Sibling sections of one page share wording too, but with far fewer articles, so they
 * keep their passages.
 */
final class SharedWording {

    /** The share of articles a three-word sequence must occur in to count as shared. */
    static final double ARTICLE_SHARE = 0.1;
    /** The share of a passage's sequences that must be shared for it to be boilerplate. */
    static final double PASSAGE_SHARE = 0.5;

    private final Map<String, Integer> articlesUsing;
    private final int least;

    private SharedWording(Map<String, Integer> articlesUsing, int least) {
        this.articlesUsing = articlesUsing;
        this.least = least;
    }

    static SharedWording of(List<? extends TrainingArticle> articles) {
        Map<String, Integer> articlesUsing = new HashMap<>();
        for (TrainingArticle article : articles) {
            String text = (article.title() == null ? "" : article.title()) + "\n"
                    + (article.body() == null ? "" : article.body());
            for (String sequence : sequences(text)) {
                articlesUsing.merge(sequence, 1, Integer::sum);
            }
        }
        return new SharedWording(articlesUsing, Math.max(2, (int) Math.ceil(ARTICLE_SHARE * articles.size())));
    }

    boolean boilerplate(String passage) {
        Set<String> own = sequences(passage);
        if (own.isEmpty()) {
            return false;
        }
        long shared = own.stream().filter(s -> articlesUsing.getOrDefault(s, 0) >= least).count();
        return shared > PASSAGE_SHARE * own.size();
    }

    /** The text's distinct three-word sequences, lower-cased, words being runs of letters and digits. */
    static Set<String> sequences(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        Set<String> out = new HashSet<>();
        String previous = null;
        String beforePrevious = null;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            if (beforePrevious != null) {
                out.add(beforePrevious + ' ' + previous + ' ' + word);
            }
            beforePrevious = previous;
            previous = word;
        }
        return out;
    }
}
