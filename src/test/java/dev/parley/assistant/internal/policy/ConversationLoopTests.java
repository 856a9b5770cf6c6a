package dev.parley.assistant.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.parley.assistant.internal.TestMessages.answer;
import static dev.parley.assistant.internal.TestMessages.customer;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationLoopTests {

    private final ConversationLoop loop = new ConversationLoop(3, 0.9, 0.85);
    private final Map<String, float[]> vectors = Map.of(
            "how do I reset my password", new float[] {1, 0, 0},
            "password reset how?", new float[] {0.96f, 0.28f, 0},
            "what are your opening hours", new float[] {0, 1, 0});

    @Test
    void customerAskingAgainAfterAnAnswerIsALoop() {
        var history = List.of(customer("how do I reset my password"), answer(0.9));
        assertThat(loop.repeats(vectors.get("password reset how?"), history, vectors::get)).isTrue();
    }

    @Test
    void aNewQuestionIsNoLoop() {
        var history = List.of(customer("how do I reset my password"), answer(0.9));
        assertThat(loop.repeats(vectors.get("what are your opening hours"), history, vectors::get)).isFalse();
    }

    @Test
    void repeatingBeforeAnyAnswerIsNoLoop() {
        var history = List.of(customer("how do I reset my password"));
        assertThat(loop.repeats(vectors.get("password reset how?"), history, vectors::get)).isFalse();
    }

    @Test
    void twoWeakAnswersInARowAreALoop() {
        var history = List.of(customer("how do I reset my password"), answer(0.75));
        assertThat(loop.weakTwiceInARow(0.8, history)).isTrue();
        assertThat(loop.weakTwiceInARow(0.95, history)).isFalse();
        assertThat(loop.weakTwiceInARow(0.8, List.of(customer("hi"), answer(0.97)))).isFalse();
    }
}
