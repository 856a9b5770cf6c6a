package dev.parley.knowledge.internal;

import java.util.Map;

/**
 * The rule the PDF and Word readers share for documents that mark no headings: the size most of the text is set in
 * is the body's, and a heading is a short line with a letter in it, set clearly larger ({@link PdfFontHeadings},
 * {@link DocxHeadings}).
 */
final class TypeSizes {

    /** A heading is set at least this much larger than the body text. */
    private static final double LARGER = 1.15;
    private static final int LONGEST_HEADING = 120;

    private TypeSizes() {
    }

    /** The size that sets the most characters (sizes counted by their characters), or {@code otherwise}. */
    static <S> S mostCharacters(Map<S, Integer> characters, S otherwise) {
        return characters.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(otherwise);
    }

    /** Whether a size is clearly larger than the body's. */
    static boolean larger(double size, double body) {
        return body > 0 && size >= body * LARGER;
    }

    /** Whether text could be a heading: not empty, short, and with a letter (not a page number or a rule). */
    static boolean headingText(String text) {
        return !text.isEmpty() && text.length() <= LONGEST_HEADING && text.chars().anyMatch(Character::isLetter);
    }
}
