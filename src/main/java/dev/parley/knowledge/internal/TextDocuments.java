package dev.parley.knowledge.internal;

import dev.parley.knowledge.internal.ParsedDocument.Block;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a plain-text file (UTF-8): the first line is the title, blank lines separate paragraphs, wrapped lines
 * are joined. Files that are not UTF-8 text (binary content, another encoding) fail with a clear reason.
 */
final class TextDocuments {

    private TextDocuments() {
    }

    static ParsedDocument read(ImportSource source) {
        String text = source.text();
        if (text.indexOf('\0') >= 0) {
            throw new ImportFailed(source.name(), 0, "the file is not a text file");
        }
        text = text.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n').strip();
        int end = text.indexOf('\n');
        String title = end < 0 ? text : text.substring(0, end);
        String rest = end < 0 ? "" : text.substring(end + 1);
        List<Block> blocks = new ArrayList<>();
        WrappedText.paragraphs(rest, blocks);
        return new ParsedDocument(title.strip(), blocks);
    }
}
