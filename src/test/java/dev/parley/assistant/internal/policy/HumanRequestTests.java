package dev.parley.assistant.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HumanRequestTests {

    @ParameterizedTest
    @ValueSource(strings = {
        "I want to talk to a human", "Can I speak with someone please?", "agent please", "HUMAN!!",
        "Get me a real person", "connect me to an agent", "I need a representative",
        "Ich möchte mit einem Mitarbeiter sprechen", "Kann ich mit einem echten Menschen reden?",
        "Je veux parler à un conseiller", "Puis-je parler à quelqu'un ?", "Quiero hablar con una persona",
        "necesito un agente humano", "Vorrei parlare con un operatore", "Ik wil een medewerker spreken",
        "Kan ik met iemand praten?", "Quero falar com um atendente", "preciso falar com uma pessoa de verdade"})
    void recognisesRequestsForAPersonInTheMainEuropeanLanguages(String text) {
        assertThat(HumanRequest.asked(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "How do I contact human resources about my payslip?", "transfer money to someone abroad",
        "Can I add someone else to my account?", "where is my agent id on the invoice",
        "Wie ändere ich mein Passwort?", "Comment annuler ma commande ?", "What is the person limit for a booking?"})
    void ignoresQuestionsThatOnlyMentionPeople(String text) {
        assertThat(HumanRequest.asked(text)).isFalse();
    }
}
