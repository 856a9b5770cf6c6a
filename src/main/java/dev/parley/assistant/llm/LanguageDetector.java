package dev.parley.assistant.llm;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Guesses the language of a customer message from function words and a few letters only one language
 * uses. Chosen over lingua (80 MB, seconds to load): support messages are short sentences full of
 * function words, and this needs no memory and microseconds.
 */
@Component
public class LanguageDetector {

    private static final Map<CustomerLanguage, Set<String>> WORDS = new EnumMap<>(Map.of(
            CustomerLanguage.ENGLISH, Set.of("the", "and", "is", "are", "my", "i", "you", "your", "how", "what", "can",
                    "do", "does", "not", "to", "it", "with", "have", "please", "why", "where", "when", "order", "was"),
            CustomerLanguage.GERMAN, Set.of("der", "die", "das", "und", "ist", "ich", "nicht", "mein", "meine", "wie",
                    "kann", "sie", "ein", "eine", "mit", "bitte", "habe", "warum", "wo", "wann", "auf", "zu", "es"),
            CustomerLanguage.FRENCH, Set.of("le", "la", "les", "et", "est", "je", "ne", "pas", "mon", "ma", "mes",
                    "comment", "vous", "un", "une", "avec", "pour", "pourquoi", "où", "quand", "ai", "du", "des"),
            CustomerLanguage.SPANISH, Set.of("el", "la", "los", "las", "y", "es", "yo", "no", "mi", "mis", "cómo",
                    "como", "puedo", "usted", "un", "una", "con", "para", "por", "qué", "que", "dónde", "mí", "pedido"),
            CustomerLanguage.ITALIAN, Set.of("il", "lo", "la", "gli", "e", "è", "io", "non", "mio", "mia", "come",
                    "posso", "un", "una", "con", "per", "perché", "dove", "quando", "ho", "che", "del", "della"),
            CustomerLanguage.DUTCH, Set.of("de", "het", "een", "en", "is", "ik", "niet", "mijn", "hoe", "kan", "u",
                    "jij", "met", "voor", "waarom", "waar", "wanneer", "heb", "dat", "van", "bestelling", "wachtwoord"),
            CustomerLanguage.PORTUGUESE, Set.of("o", "os", "as", "e", "é", "eu", "não", "meu", "minha", "como",
                    "posso", "você", "um", "uma", "com", "para", "por", "porque", "onde", "quando", "tenho", "do", "da")));

    private static final Map<CustomerLanguage, String> LETTERS = Map.of(
            CustomerLanguage.GERMAN, "äöüß", CustomerLanguage.FRENCH, "çêèëœ", CustomerLanguage.SPANISH, "ñ¿¡",
            CustomerLanguage.PORTUGUESE, "ãõ", CustomerLanguage.ITALIAN, "ì", CustomerLanguage.DUTCH, "ĳ");

    /** The most likely language, or empty when the text gives too little to go on. */
    public Optional<CustomerLanguage> detect(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String lower = Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFC);
        Map<CustomerLanguage, Double> scores = new EnumMap<>(CustomerLanguage.class);
        for (String word : lower.split("[^\\p{L}']+")) {
            WORDS.forEach((language, words) -> {
                if (words.contains(word)) {
                    scores.merge(language, 1.0, Double::sum);
                }
            });
        }
        LETTERS.forEach((language, letters) -> lower.chars().filter(c -> letters.indexOf(c) >= 0)
                .forEach(c -> scores.merge(language, 1.5, Double::sum)));
        return scores.entrySet().stream()
                .filter(entry -> entry.getValue() >= 1.0)
                .max(Map.Entry.<CustomerLanguage, Double>comparingByValue()
                        .thenComparing(entry -> entry.getKey() == CustomerLanguage.ENGLISH ? 1 : 0))
                .map(Map.Entry::getKey);
    }
}
