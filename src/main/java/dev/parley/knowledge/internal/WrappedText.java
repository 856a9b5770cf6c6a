package dev.parley.knowledge.internal;

import dev.parley.knowledge.internal.ParsedDocument.Block;
import java.util.List;
import java.util.regex.Pattern;

/** Text laid out in lines (a PDF page, a plain-text file) turned back into paragraphs and list items. */
final class WrappedText {

    private static final Pattern LIST_ITEM = Pattern.compile("[•▪●◦*-]\\s|\\d{1,3}[.)]\\s");

    private WrappedText() {
    }

    /**
     * Splits page text at blank lines into paragraphs; within one, wrapped lines are joined with spaces (a word
     * hyphenated at a line end is joined back) and bullet or numbered lines start list items.
     */
    static void paragraphs(String text, List<Block> blocks) {
        for (String paragraph : text.split("\\n\\s*\\n")) {
            StringBuilder out = new StringBuilder();
            for (String raw : paragraph.split("\\n")) {
                String line = raw.strip().replaceAll("\\s+", " ");
                if (line.isEmpty()) {
                    continue;
                }
                if (LIST_ITEM.matcher(line).lookingAt()) {
                    out.append(out.isEmpty() ? "" : "\n").append(line.replaceFirst("^[•▪●◦*]\\s*", "- "));
                } else if (out.length() > 1 && out.charAt(out.length() - 1) == '-'
                        && Character.isLowerCase(out.charAt(out.length() - 2)) && Character.isLowerCase(line.charAt(0))) {
                    out.setLength(out.length() - 1);
                    out.append(line);
                } else {
                    out.append(out.isEmpty() ? "" : " ").append(line);
                }
            }
            if (!out.isEmpty()) {
                blocks.add(Block.paragraph(out.toString()));
            }
        }
    }

}
