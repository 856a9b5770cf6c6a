package dev.parley.engine.text;

/**
 * Whether a text shows anything: whitespace, control and format characters (zero-width spaces and joiners, the
 * byte-order mark, direction marks), combining marks with nothing to sit on, U+FFFD and the blank-looking fillers
 * do not. Such a text has no token for the embedding model.
 */
public final class VisibleText {

    private VisibleText() {
    }

    /**
     * Whether the text shows nothing: {@code null}, or only invisible characters (see the class comment).
     * {@link String#isBlank()} sees only whitespace, so "\u200b" passed it and then reached the embedding model as a
     * text without a single token.
     */
    public static boolean isBlank(String text) {
        return text == null || text.codePoints().allMatch(VisibleText::invisible);
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
}
