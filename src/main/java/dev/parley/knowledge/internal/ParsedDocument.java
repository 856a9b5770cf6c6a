package dev.parley.knowledge.internal;

import java.util.List;

/**
 * A document as an importer read it: its own title (null when it has none), its content in reading order, as
 * headings and Markdown paragraphs (lists as "- " lines, tables as lists of "header: value" rows), and the web
 * address it names as its home ({@code origin}, null for files that do not say).
 */
record ParsedDocument(String title, List<Block> blocks, String origin) {

    ParsedDocument {
        blocks = List.copyOf(blocks);
    }

    ParsedDocument(String title, List<Block> blocks) {
        this(title, blocks, null);
    }

    /** A Markdown link whose text and address cannot break out of it (no ']' in the text, ')' escaped). */
    static String link(String text, String address) {
        return "[" + text.replace("]", "") + "](" + address.replace(")", "%29") + ")";
    }

    /**
     * A heading ({@code level} 1-6) or a paragraph ({@code level} 0) of Markdown text; {@code anchor} is where the
     * block can be linked to in the original (a web address with a fragment), or null.
     */
    record Block(int level, String text, String anchor) {

        static Block paragraph(String text) {
            return new Block(0, text, null);
        }

        static Block heading(int level, String text, String anchor) {
            return new Block(level, text, anchor);
        }

        boolean heading() {
            return level > 0;
        }
    }
}
