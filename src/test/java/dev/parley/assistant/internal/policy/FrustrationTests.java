package dev.parley.assistant.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrustrationTests {

    @ParameterizedTest
    @ValueSource(strings = {
        "This is useless", "WHY IS MY ORDER STILL NOT HERE", "I'm really annoyed, where is my refund??",
        "your service is the worst", "this is a fucking joke", "Das ist eine Frechheit!",
        "C'est inadmissible", "Esto es una vergüenza", "che schifo di servizio", "Dit is belachelijk",
        "isso é um absurdo", "still not working, again!!!"})
    void flagsAngryMessagesFromWordsCapitalsAndPunctuation(String text) {
        assertThat(Frustration.frustrated(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "How do I reset my password?", "Where can I find my PIN?", "I can't log in again after the update",
        "Is there a fee for ATM withdrawals?", "Thanks!", "what is the APR on my VISA card"})
    void leavesCalmQuestionsAlone(String text) {
        assertThat(Frustration.frustrated(text)).isFalse();
    }

    @Test
    void oneMildWordIsNotEnoughButASignalOnTopIs() {
        assertThat(Frustration.score("I'm a bit disappointed with the delivery")).isEqualTo(1);
        assertThat(Frustration.frustrated("I'm disappointed with the delivery!!")).isTrue();
    }
}
