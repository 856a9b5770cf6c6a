package dev.parley.assistant.internal;

import dev.parley.assistant.llm.CustomerLanguage;
import dev.parley.assistant.llm.LanguageDetector;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The offline assistant cannot translate: when the customer writes in another language than the article
 * it answers with, it says so first, in the customer's language, instead of silently switching.
 */
final class LanguageNote {

    private static final Map<CustomerLanguage, String> ONLY_ENGLISH = Map.of(
            CustomerLanguage.GERMAN, "Leider kann ich nur auf Englisch antworten. Das habe ich dazu gefunden:",
            CustomerLanguage.FRENCH, "Désolé, je ne peux répondre qu'en anglais. Voici ce que j'ai trouvé :",
            CustomerLanguage.SPANISH, "Lo siento, solo puedo responder en inglés. Esto es lo que encontré:",
            CustomerLanguage.ITALIAN, "Mi dispiace, posso rispondere solo in inglese. Ecco cosa ho trovato:",
            CustomerLanguage.DUTCH, "Sorry, ik kan alleen in het Engels antwoorden. Dit heb ik gevonden:",
            CustomerLanguage.PORTUGUESE, "Desculpe, só consigo responder em inglês. Eis o que encontrei:");

    private static final LanguageDetector DETECTOR = new LanguageDetector();

    private LanguageNote() {
    }

    static Optional<CustomerLanguage> detect(String question) {
        return DETECTOR.detect(question);
    }

    static boolean written(String articleLocale, CustomerLanguage language) {
        return languageOf(articleLocale).equals(language.code());
    }

    /** The note to put before an answer in {@code articleLocale}, or empty when the languages match. */
    static Optional<String> before(String question, String articleLocale) {
        String articleLanguage = languageOf(articleLocale);
        return DETECTOR.detect(question)
                .filter(language -> !language.code().equals(articleLanguage))
                .map(language -> articleLanguage.equals("en") && ONLY_ENGLISH.containsKey(language)
                        ? ONLY_ENGLISH.get(language)
                        : "(This answer is in " + Locale.of(articleLanguage).getDisplayLanguage(Locale.ENGLISH) + ".)");
    }

    private static String languageOf(String locale) {
        return locale == null || locale.isBlank() ? "en" : Locale.forLanguageTag(locale.replace('_', '-')).getLanguage();
    }
}
