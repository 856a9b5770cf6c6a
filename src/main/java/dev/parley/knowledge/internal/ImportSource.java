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
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, (long) content.length + 1));
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += content[i] == '\n' ? 1 : 0;
            }
            throw new ImportFailed(name, line, "the file is not UTF-8 text: save it as UTF-8 (in Excel: \"CSV UTF-8\")");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
