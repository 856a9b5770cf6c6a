package dev.parley.knowledge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a Markdown body into plain-text chunks of about {@code size} characters on paragraph boundaries,
 * so each chunk gets an embedding of its own and a long article is found by any of its parts.
 */
final class TextChunks {

    private static final Pattern PARAGRAPHS = Pattern.compile("\\n\\s*\\n");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    private TextChunks() {
    }

    static List<String> of(String markdown, int size) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String paragraph : PARAGRAPHS.split(plain(markdown))) {
            for (String piece : pieces(paragraph.strip(), size)) {
                if (!current.isEmpty() && current.length() + piece.length() + 1 > size) {
                    chunks.add(current.toString());
                    current.setLength(0);
                }
                current.append(current.isEmpty() ? "" : "\n").append(piece);
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current.toString());
        }
        return chunks;
    }

    /** Markdown without its markup: headings, emphasis, links, images, code fences and list bullets. */
    static String plain(String markdown) {
        return markdown
                .replaceAll("(?m)^```.*$", "")
                .replaceAll("!\\[([^\\]]*)]\\([^)]*\\)", "$1")
                .replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1")
                .replaceAll("(?m)^\\s{0,3}#{1,6}\\s*", "")
                .replaceAll("(?m)^\\s{0,3}>\\s?", "")
                .replaceAll("(?m)^\\s*([-*+]|\\d+[.)])\\s+", "")
                .replaceAll("(\\*\\*|__|\\*|`)", "")
                .strip();
    }

    /** The start of a body as plain text on one line, cut at a word boundary. */
    static String summary(String markdown, int max) {
        String text = plain(markdown).replaceAll("\\s+", " ");
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }

    /** A paragraph longer than {@code size} split at sentence ends, and hard-split if a sentence is too long. */
    private static List<String> pieces(String paragraph, int size) {
        if (paragraph.isEmpty()) {
            return List.of();
        }
        if (paragraph.length() <= size) {
            return List.of(paragraph);
        }
        List<String> pieces = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(paragraph)) {
            for (int start = 0; start < sentence.length(); start += size) {
                pieces.add(sentence.substring(start, Math.min(sentence.length(), start + size)));
            }
        }
        return pieces;
    }
}
