package dev.parley.assistant.passage;

/**
 * One sentence of a paragraph or one list item (a table row becomes an item), in document order.
 *
 * @param block which paragraph, list or table of the article it belongs to
 * @param marker the list marker ("-", "2.") for an item, null for a sentence
 * @param markdown the unit's inline Markdown (bold, links), on one line
 * @param heading the heading of the section it is in, or null; read with the unit, never shown
 */
public record ArticleUnit(int block, String marker, String markdown, String heading) {

    public ArticleUnit(int block, String marker, String markdown) {
        this(block, marker, markdown, null);
    }

    boolean item() {
        return marker != null;
    }

    /** The text without inline markup, as the encoder reads it. */
    String plain() {
        return Inline.plain(markdown);
    }

    /** What the encoder compares with the question: the section's heading gives a short sentence its topic. */
    String inContext() {
        return heading == null ? plain() : Inline.plain(heading) + ": " + plain();
    }

    int length() {
        return markdown.length() + (item() ? marker.length() + 1 : 0);
    }
}
