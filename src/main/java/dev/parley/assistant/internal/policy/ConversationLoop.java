package dev.parley.assistant.internal.policy;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Message;
import dev.parley.conversation.SourceRef;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Detects a conversation going round in circles: the customer asks for the same thing again after the
 * assistant answered it (the same or a rephrased question), or says the answer did not help. Different
 * questions answered one after the other are not a loop, however confident the answers were.
 */
public final class ConversationLoop {

    /** A rephrasing that lands on the article already given needs less embedding similarity to count. */
    static final double SAME_ARTICLE_SIMILARITY = 0.85;
    /** Share of content words in common (Dice) from which a question on the same article is asked again. */
    static final double SAME_ARTICLE_WORDS = 0.6;

    private final int window;
    private final double repeatSimilarity;

    public ConversationLoop(int window, double repeatSimilarity) {
        this.window = window;
        this.repeatSimilarity = repeatSimilarity;
    }

    /**
     * True when an earlier customer message in the window, already answered, asks for the same thing:
     * very similar on its own, or similar and answered with the article that would answer again.
     */
    public boolean repeats(String text, float[] question, String bestArticleId, List<Message> history,
            Function<String, float[]> embed) {
        int checked = 0;
        String answeredWith = null;
        for (int i = history.size() - 1; i >= 0 && checked < window; i--) {
            Message message = history.get(i);
            if (message.authorType() == AuthorType.AGENT) {
                return false;
            }
            if (answered(message)) {
                answeredWith = message.sources().getFirst().articleId();
            } else if (message.authorType() == AuthorType.CUSTOMER && message.text() != null) {
                checked++;
                if (answeredWith != null && same(text, question, message.text(), embed,
                        answeredWith.equals(bestArticleId))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the customer says the last answer did not help ("that doesn't help", in any supported language). */
    public boolean answerRejected(String text, List<Message> history) {
        return lastReplyWasAnAnswer(history) && NotHelpful.said(text);
    }

    private boolean same(String text, float[] question, String earlier, Function<String, float[]> embed,
            boolean sameArticle) {
        double similarity = similarity(question, embed.apply(earlier));
        if (similarity >= repeatSimilarity) {
            return true;
        }
        return sameArticle && (similarity >= SAME_ARTICLE_SIMILARITY || wordsInCommon(text, earlier) >= SAME_ARTICLE_WORDS);
    }

    private static boolean lastReplyWasAnAnswer(List<Message> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            Message message = history.get(i);
            if (message.authorType() == AuthorType.ASSISTANT || message.authorType() == AuthorType.AGENT) {
                return answered(message);
            }
        }
        return false;
    }

    private static boolean answered(Message message) {
        List<SourceRef> sources = message.sources();
        return message.authorType() == AuthorType.ASSISTANT && sources != null && !sources.isEmpty();
    }

    /** Dice coefficient of the words of three letters or more. */
    static double wordsInCommon(String a, String b) {
        Set<String> x = words(a);
        Set<String> y = words(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        long common = x.stream().filter(y::contains).count();
        return 2.0 * common / (x.size() + y.size());
    }

    private static Set<String> words(String text) {
        return Arrays.stream(HumanRequest.normalise(text).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() >= 3).collect(Collectors.toSet());
    }

    private static double similarity(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
