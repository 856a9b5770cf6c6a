package dev.parley.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTests {

    private final LanguageDetector detector = new LanguageDetector();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "How do I reset my password?|ENGLISH",
            "Where is my order? It was supposed to arrive on Monday.|ENGLISH",
            "Wie kann ich mein Passwort zurücksetzen?|GERMAN",
            "Meine Bestellung ist noch nicht angekommen, bitte helfen Sie mir.|GERMAN",
            "Comment puis-je réinitialiser mon mot de passe ?|FRENCH",
            "Je n'ai pas reçu ma commande, pourquoi ?|FRENCH",
            "¿Cómo puedo cambiar la dirección de mi pedido?|SPANISH",
            "No he recibido mi pedido y quiero una devolución.|SPANISH",
            "Come posso reimpostare la mia password? Non riesco ad accedere.|ITALIAN",
            "Perché il mio ordine non è ancora arrivato?|ITALIAN",
            "Hoe kan ik mijn wachtwoord wijzigen?|DUTCH",
            "Mijn bestelling is niet aangekomen, waar is het pakket?|DUTCH",
            "Como posso alterar a minha senha? Não consigo entrar.|PORTUGUESE",
            "Não recebi o meu pedido, onde está?|PORTUGUESE"})
    void detectsTheCustomersLanguage(String text, CustomerLanguage expected) {
        assertThat(detector.detect(text)).contains(expected);
    }

    @Test
    void saysNothingWhenThereIsNothingToGoOn() {
        assertThat(detector.detect("")).isEmpty();
        assertThat(detector.detect("12345 ???")).isEmpty();
    }

    @Test
    void isFastEnoughToRunOnEveryMessage() {
        String text = "Meine Bestellung ist noch nicht angekommen, bitte helfen Sie mir.";
        for (int i = 0; i < 2_000; i++) {
            detector.detect(text);
        }
        long started = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            detector.detect(text);
        }
        long microsPerCall = (System.nanoTime() - started) / 1_000 / 1_000;
        assertThat(microsPerCall).isLessThan(500);
    }
}
