package dev.parley.shared;

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
     * Whether the text shows nothing: {@code null}, or only whitespace, control and format characters
     * (zero-width spaces and joiners, the byte-order mark, direction marks), combining marks with nothing to
     * sit on, U+FFFD and the blank-looking fillers. {@link String#isBlank()} sees only whitespace, so
     * "\u200b" passed it and then reached the embedding model as a text without a single token.
     */
    public static boolean isBlank(String text) {
        return text == null || text.codePoints().allMatch(CleanText::invisible);
    }

    /** Whether the text has at least one letter or digit a reader can see (a question has words). */
    public static boolean hasWords(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.isLetterOrDigit(c) && !invisible(c));
    }

    private static boolean invisible(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
                    Character.SURROGATE -> true;
            default -> Character.isWhitespace(c) || c == 0xFFFD || c == 0x115F || c == 0x1160 || c == 0x3164
                    || c == 0xFFA0 || c == 0x2800 || c == 0x180E;
        };
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
