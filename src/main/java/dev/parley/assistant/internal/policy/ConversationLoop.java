package dev.parley.assistant.internal.policy;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Message;
import java.util.List;
import java.util.function.Function;

/**
 * Detects a conversation going round in circles: the customer asks again (the same or a rephrased
 * question) after the assistant already answered, or two answers in a row are weak.
 */
public final class ConversationLoop {

    private final int window;
    private final double repeatSimilarity;
    private final double weakConfidence;

    public ConversationLoop(int window, double repeatSimilarity, double weakConfidence) {
        this.window = window;
        this.repeatSimilarity = repeatSimilarity;
        this.weakConfidence = weakConfidence;
    }

    /** True when an earlier customer message in the window, already answered, says the same thing. */
    public boolean repeats(float[] question, List<Message> history, Function<String, float[]> embed) {
        int checked = 0;
        boolean answeredSince = false;
        for (int i = history.size() - 1; i >= 0 && checked < window; i--) {
            Message message = history.get(i);
            if (message.authorType() == AuthorType.ASSISTANT && message.sources() != null
                    && !message.sources().isEmpty()) {
                answeredSince = true;
            } else if (message.authorType() == AuthorType.CUSTOMER) {
                checked++;
                if (answeredSince && similarity(question, embed.apply(message.text())) >= repeatSimilarity) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the last assistant answer was weak and this one would be weak too. */
    public boolean weakTwiceInARow(double confidence, List<Message> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            Message message = history.get(i);
            if (message.authorType() == AuthorType.ASSISTANT) {
                return message.confidence() != null && message.confidence() < weakConfidence
                        && confidence < weakConfidence;
            }
            if (message.authorType() == AuthorType.AGENT) {
                return false;
            }
        }
        return false;
    }

    private static double similarity(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
