package dev.parley.shared;

import dev.parley.engine.text.VisibleText;

/**
 * Text as it may be stored: without control characters (tab and line breaks excepted) and with broken
 * UTF-16 (an unpaired surrogate) replaced by U+FFFD. PostgreSQL refuses NUL in text columns, so text
 * with one would fail a request only after it was accepted; the other controls are invisible noise.
 */
public final class CleanText {

    private CleanText() {
    }

    /** The text cleaned; {@code null} stays {@code null}, and clean text is returned as the same instance. */
    public static String of(String text) {
        if (text == null || isClean(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (!isDropped(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * At most {@code max} characters of the text, never ending in half of a character outside the basic plane (an
     * emoji): a cut there would leave an unpaired surrogate. {@code null} stays {@code null}.
     */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max > 0 && Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    /** {@link #cut} to at most {@code max} characters, ending in "…" when anything was left out. */
    public static String shorten(String text, int max) {
        return text == null || text.length() <= max ? text : cut(text, max - 1).stripTrailing() + "…";
    }

    /** Whether the text shows nothing (see {@link VisibleText#isBlank}). */
    public static boolean isBlank(String text) {
        return VisibleText.isBlank(text);
    }

    /** Whether the text has at least one letter or digit a reader can see (a question has words). */
    public static boolean hasWords(String text) {
        return VisibleText.hasWords(text);
    }

    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isDropped(c) || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDropped(char c) {
        return Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
    }
}
