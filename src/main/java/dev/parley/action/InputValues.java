package dev.parley.action;

import dev.parley.action.ActionDefinition.Input;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values found in what a customer wrote: "Where is my order #1001?" gives an order number by the input's pattern (or
 * its type: a whole number, one of an enum's choices), and "yes" / "no" answer a confirmation. A free-text input
 * without a pattern is never guessed from a sentence.
 */
final class InputValues {

    private static final Pattern WORDS = Pattern.compile("[\\s,;:!?()\"'`<>\\[\\]{}]+");
    private static final Set<String> YES = Set.of("yes", "y", "yeah", "yep", "sure", "ok", "okay", "confirm",
            "please do", "go ahead", "do it", "yes please");
    private static final Set<String> NO = Set.of("no", "n", "nope", "cancel", "don't", "do not", "stop", "no thanks",
            "no thank you");

    private InputValues() {
    }

    /** The first word of {@code text} that is a valid value of {@code input}, if one can be told apart. */
    static Optional<String> extract(Input input, String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (!extractable(input)) {
            return Optional.empty();
        }
        for (String word : WORDS.split(text.strip())) {
            String trimmed = word.replaceAll("[.]+$", "");
            for (String candidate : new String[] {trimmed, trimmed.startsWith("#") ? trimmed.substring(1) : null}) {
                if (candidate != null && !candidate.isEmpty() && ActionInputs.problem(input, candidate).isEmpty()) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a value can be told apart inside a sentence: by a pattern, as a whole number or as an enum choice. */
    static boolean extractable(Input input) {
        return input.pattern() != null && !input.pattern().isBlank() || input.type() == ActionDefinition.Type.INTEGER
                || input.type() == ActionDefinition.Type.ENUM;
    }

    /** Yes, no, or neither (then the question is asked again). */
    static Optional<Boolean> yesOrNo(String text) {
        String answer = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("[.!,]+", " ").strip();
        if (YES.contains(answer)) {
            return Optional.of(true);
        }
        if (NO.contains(answer)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }
}
