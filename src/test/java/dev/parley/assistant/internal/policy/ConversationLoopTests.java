package dev.parley.assistant.internal.policy;

import static dev.parley.assistant.internal.TestMessages.agent;
import static dev.parley.assistant.internal.TestMessages.answer;
import static dev.parley.assistant.internal.TestMessages.answerFrom;
import static dev.parley.assistant.internal.TestMessages.customer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationLoopTests {

    private final ConversationLoop loop = new ConversationLoop(3, 0.9);
    private final Map<String, float[]> vectors = Map.of(
            "how do I reset my password", new float[] {1, 0, 0},
            "password reset how?", new float[] {0.96f, 0.28f, 0},
            "I forgot my password", new float[] {0.86f, 0.51f, 0},
            "my password, how do I reset it", new float[] {0.6f, 0.8f, 0},
            "what are your opening hours", new float[] {0, 1, 0});

    private boolean repeats(String text, String article, List<dev.parley.conversation.Message> history) {
        return loop.repeats(text, vectors.get(text), article, history, vectors::get);
    }

    @Test
    void customerAskingAgainAfterAnAnswerIsALoop() {
        var history = List.of(customer("how do I reset my password"), answer(0.9));
        assertThat(repeats("password reset how?", "other", history)).isTrue();
    }

    @Test
    void aNewQuestionIsNoLoop() {
        var history = List.of(customer("how do I reset my password"), answer(0.9));
        assertThat(repeats("what are your opening hours", "a", history)).isFalse();
    }

    @Test
    void repeatingBeforeAnyAnswerIsNoLoop() {
        var history = List.of(customer("how do I reset my password"));
        assertThat(repeats("password reset how?", "a", history)).isFalse();
    }

    @Test
    void aRephrasingThatLandsOnTheArticleAlreadyGivenIsALoop() {
        var history = List.of(customer("how do I reset my password"), answerFrom("reset", 0.9));
        assertThat(repeats("I forgot my password", "reset", history)).as("similar, same article").isTrue();
        assertThat(repeats("I forgot my password", "login", history)).as("similar, other article").isFalse();
        assertThat(repeats("my password, how do I reset it", "reset", history)).as("same words, same article").isTrue();
        assertThat(repeats("my password, how do I reset it", "login", history)).isFalse();
    }

    @Test
    void anAgentReplyStartsAfresh() {
        var history = List.of(customer("how do I reset my password"), answer(0.9), agent("Let me check."));
        assertThat(repeats("password reset how?", "a", history)).isFalse();
    }

    @Test
    void sayingTheAnswerDidNotHelpIsALoopOnlyAfterAnAnswer() {
        var answered = List.of(customer("how do I reset my password"), answer(0.9));
        assertThat(loop.answerRejected("That doesn't help at all", answered)).isTrue();
        assertThat(loop.answerRejected("That doesn't help at all", List.of(customer("hi")))).isFalse();
        assertThat(loop.answerRejected("thanks, that worked", answered)).isFalse();
        assertThat(loop.answerRejected("That doesn't help", List.of(customer("x"), answer(0.9), agent("Hello"))))
                .as("the last reply was a person's").isFalse();
    }

    @Test
    void wordsInCommonIgnoreCaseAccentsAndShortWords() {
        assertThat(ConversationLoop.wordsInCommon("Where is my order?", "where is my ORDER")).isEqualTo(1.0);
        assertThat(ConversationLoop.wordsInCommon("Where is my order?", "where is my refund")).isEqualTo(0.5);
        assertThat(ConversationLoop.wordsInCommon("", "anything")).isZero();
    }
}
