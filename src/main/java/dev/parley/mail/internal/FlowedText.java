package dev.parley.mail.internal;

/**
 * Undoes RFC 3676 format=flowed (Thunderbird, Apple Mail): a line ending in a space continues on the next line
 * of the same quote depth. Without this, every paragraph arrives cut at 72 characters.
 */
final class FlowedText {

    private FlowedText() {
    }

    static String unflow(String text, boolean delSp) {
        var out = new StringBuilder();
        var paragraph = new StringBuilder();
        int paragraphDepth = -1;
        for (String raw : text.replace("\r\n", "\n").split("\n", -1)) {
            int depth = 0;
            while (depth < raw.length() && raw.charAt(depth) == '>') {
                depth++;
            }
            String line = raw.substring(depth);
            if (line.startsWith(" ")) {
                line = line.substring(1); // space-stuffing
            }
            if (paragraphDepth >= 0 && depth != paragraphDepth) {
                flush(out, paragraph, paragraphDepth);
            }
            paragraphDepth = depth;
            boolean flowed = line.endsWith(" ") && !line.equals("-- ");
            paragraph.append(flowed && delSp ? line.substring(0, line.length() - 1) : line);
            if (!flowed) {
                flush(out, paragraph, depth);
                paragraphDepth = -1;
            }
        }
        if (!paragraph.isEmpty()) {
            flush(out, paragraph, paragraphDepth);
        }
        return out.toString().replaceFirst("\n$", "");
    }

    private static void flush(StringBuilder out, StringBuilder paragraph, int depth) {
        out.append(depth > 0 ? ">".repeat(depth) + " " : "").append(paragraph).append('\n');
        paragraph.setLength(0);
    }
}
