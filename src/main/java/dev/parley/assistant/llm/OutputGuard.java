package dev.parley.assistant.llm;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Stops an answer that repeats the system prompt: it carries the prompt's marker or any run of
 * {@value #WINDOW} consecutive words of it. Runs on every answer, cached or fresh, streamed or not.
 */
final class OutputGuard {

    static final int WINDOW = 8;

    private final Set<String> shingles = new HashSet<>();

    OutputGuard(String systemPrompt) {
        String[] words = words(systemPrompt);
        for (int i = 0; i + WINDOW <= words.length; i++) {
            shingles.add(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + WINDOW)));
        }
    }

    boolean leaks(String answer) {
        if (answer.toUpperCase(Locale.ROOT).contains(GroundedPrompt.CANARY.toUpperCase(Locale.ROOT))) {
            return true;
        }
        String[] words = words(answer);
        for (int i = 0; i + WINDOW <= words.length; i++) {
            if (shingles.contains(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + WINDOW)))) {
                return true;
            }
        }
        return false;
    }

    private static String[] words(String text) {
        String normalised = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        return normalised.isEmpty() ? new String[0] : normalised.split(" ");
    }
}
