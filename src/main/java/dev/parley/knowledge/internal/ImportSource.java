package dev.parley.knowledge.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** One uploaded or local file to import: its name (for error messages and Markdown ids) and its bytes. */
public record ImportSource(String name, byte[] content) {

    /**
     * The content as UTF-8 text, without a byte order mark. Bytes that are not UTF-8 (a file saved as Windows-1252
     * or Latin-1, as spreadsheet programs often do) fail with the line they are on, instead of turning into
     * replacement characters in the articles.
     */
    public String text() {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) { // a replacement character: malformed bytes, or one the file holds
            int line = firstMalformedLine();
            if (line > 0) {
                throw new ImportFailed(name, line,
                        "the file is not UTF-8 text: save it as UTF-8 (in Excel: \"CSV UTF-8\")");
            }
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The line (1-based) of the first bytes that are not UTF-8, or 0 when all are. */
    private int firstMalformedLine() {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(8192);
        for (CoderResult result = decoder.decode(in, out, true); !result.isUnderflow();
                result = decoder.decode(in, out, true)) {
            if (result.isError()) {
                int line = 1;
                for (int i = 0; i < in.position(); i++) {
                    line += content[i] == '\n' ? 1 : 0;
                }
                return line;
            }
            out.clear();
        }
        return 0;
    }
}
