package dev.parley.assistant.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotHelpfulTests {

    @ParameterizedTest
    @ValueSource(strings = {"that doesn't help", "This did not help me", "not helpful", "Unhelpful.",
            "you're not answering my question", "You didn't answer my question", "that's not what I asked",
            "not my question", "wrong answer", "Das hilft mir nicht", "Das hat mir nicht geholfen",
            "Sie beantworten meine Frage nicht", "ça ne m'aide pas", "Ce n'est pas ma question",
            "vous ne répondez pas à ma question", "no me ayuda", "No respondes a mi pregunta",
            "non mi aiuta", "non è la mia domanda", "dit helpt me niet", "dat is niet mijn vraag",
            "não me ajudou", "isso não é a minha pergunta"})
    void recognisesTheAnswerNotHelping(String text) {
        assertThat(NotHelpful.said(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"thanks, that helps", "Where is my order?", "can you help me with a refund",
            "I need help with my password", "the zipper no sirve", "helpful, thanks!", "Merci, ça m'aide beaucoup",
            "de rits werkt niet", "Das Produkt ist kaputt"})
    void leavesOtherMessagesAlone(String text) {
        assertThat(NotHelpful.said(text)).isFalse();
    }

    @Test
    void readsTheSamePhrasingInEveryCase() {
        assertThat(NotHelpful.said("THAT DOES NOT HELP")).isTrue();
    }
}
