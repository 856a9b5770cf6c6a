package dev.parley.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageNoteTests {

    @Test
    void saysInTheCustomersLanguageThatTheAnswerIsInEnglish() {
        assertThat(LanguageNote.before("Wie kann ich meine Bestellung zurückgeben und wann bekomme ich mein Geld?", "en"))
                .hasValue("Leider kann ich nur auf Englisch antworten. Das habe ich dazu gefunden:");
        assertThat(LanguageNote.before("¿Cómo puedo devolver mi pedido y cuándo recibo el reembolso?", "en"))
                .hasValueSatisfying(note -> assertThat(note).startsWith("Lo siento"));
    }

    @Test
    void addsNothingWhenTheLanguagesMatch() {
        assertThat(LanguageNote.before("How do I return my order and when do I get my money back?", "en")).isEmpty();
        assertThat(LanguageNote.before("Wie kann ich meine Bestellung zurückgeben?", "de")).isEmpty();
        for (String english : new String[] {"Where is my order?", "Do you ship internationally?", "I forgot my password",
            "Can I pay with PayPal?", "my refund has not arrived yet", "can I change my delivery address",
            "How long does shipping take?", "the zipper on my jacket broke"}) {
            assertThat(LanguageNote.before(english, "en")).as(english).isEmpty();
        }
    }

    @Test
    void namesTheArticleLanguageForOtherPairs() {
        assertThat(LanguageNote.before("How do I return my order and when do I get my money back?", "de"))
                .hasValue("(This answer is in German.)");
    }
}
