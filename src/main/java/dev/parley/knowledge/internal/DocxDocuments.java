package dev.parley.knowledge.internal;

import static dev.parley.knowledge.internal.UnpackLimits.MAX_PART_BYTES;
import static dev.parley.knowledge.internal.UnpackLimits.MAX_TOTAL_BYTES;

import dev.parley.knowledge.internal.ParsedDocument.Block;
import dev.parley.knowledge.internal.UnpackLimits.Meter;
import dev.parley.knowledge.internal.UnpackLimits.TooLarge;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Reads a Word (.docx) file with Apache POI: a "Title" paragraph becomes the title, headings headings ({@link
 * DocxHeadings}: by style or outline level, or in a document marked with neither by their formatting), numbered and
 * bulleted paragraphs list items, tables lists of "header: value" rows, hyperlinks links. Old binary .doc files are
 * refused with a clear reason.
 */
final class DocxDocuments {

    private DocxDocuments() {
    }

    static ParsedDocument read(ImportSource source) {
        checkUnpackedSize(source);
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(source.content()))) {
            String title = docx.getProperties().getCoreProperties().getTitle();
            DocxHeadings headings = new DocxHeadings(docx);
            List<Block> blocks = new ArrayList<>();
            StringBuilder list = new StringBuilder();
            for (IBodyElement element : docx.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    String text = text(p);
                    String style = headings.styleName(p);
                    boolean item = p.getNumID() != null && !text.isBlank();
                    if (!item) {
                        flush(list, blocks);
                    }
                    if (text.isBlank()) {
                        continue;
                    }
                    int level = headings.level(p);
                    if (style.equals("title")) {
                        title = title == null || title.isBlank() ? text : title;
                        blocks.add(Block.heading(1, text, null));
                    } else if (level > 0) {
                        blocks.add(Block.heading(level, p.getText().strip().replaceAll("\\s+", " "), null));
                    } else if (item) {
                        list.append(list.isEmpty() ? "" : "\n").append("- ").append(text);
                    } else {
                        blocks.add(Block.paragraph(text));
                    }
                } else if (element instanceof XWPFTable table) {
                    flush(list, blocks);
                    table(table, blocks);
                }
            }
            flush(list, blocks);
            return new ParsedDocument(title, blocks);
        } catch (ImportFailed e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String reason = source.content().length >= 4 && (source.content()[0] & 0xff) == 0xD0
                    ? "old binary Word (.doc) files cannot be read: save it as .docx" : "the file is not a readable Word (.docx) file";
            throw new ImportFailed(source.name(), 0, reason);
        }
    }

    /** The paragraph's text with hyperlinks as Markdown links and bold runs in bold. */
    private static String text(XWPFParagraph p) {
        StringBuilder out = new StringBuilder();
        for (XWPFRun run : p.getRuns()) {
            String text = run.text();
            if (text == null || text.isEmpty()) {
                continue;
            }
            String url = run instanceof XWPFHyperlinkRun link && link.getHyperlink(p.getDocument()) != null
                    ? link.getHyperlink(p.getDocument()).getURL() : null;
            if (url != null && (url.startsWith("http://") || url.startsWith("https://")) && !text.isBlank()) {
                out.append(ParsedDocument.link(text.strip(), url));
            } else if (run.isBold() && !text.isBlank()) {
                out.append("**").append(text.strip()).append("** ");
            } else {
                out.append(text);
            }
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static void table(XWPFTable table, List<Block> blocks) {
        List<XWPFTableRow> rows = table.getRows();
        if (rows.isEmpty()) {
            return;
        }
        List<String> headers = cells(rows.getFirst());
        StringBuilder out = new StringBuilder();
        for (XWPFTableRow row : rows.subList(rows.size() > 1 ? 1 : 0, rows.size())) {
            List<String> cells = cells(row);
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i).isBlank()) {
                    continue;
                }
                String header = rows.size() > 1 && i < headers.size() ? headers.get(i) : "";
                parts.add(header.isBlank() ? cells.get(i) : header + ": " + cells.get(i));
            }
            if (!parts.isEmpty()) {
                out.append(out.isEmpty() ? "" : "\n").append("- ").append(String.join("; ", parts));
            }
        }
        if (!out.isEmpty()) {
            blocks.add(Block.paragraph(out.toString()));
        }
    }

    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(XWPFTableCell::getText)
                .map(t -> t.replaceAll("\\s+", " ").strip()).toList();
    }

    private static void flush(StringBuilder list, List<Block> blocks) {
        if (!list.isEmpty()) {
            blocks.add(Block.paragraph(list.toString()));
            list.setLength(0);
        }
    }

    /**
     * Measures what the file's XML parts unpack to before POI reads them (it holds each part, and a tree of it, in
     * memory), so a small file that unpacks to gigabytes of text fails with a clear reason. Images and other parts are
     * not measured; a file that is no ZIP is left to POI to report.
     */
    private static void checkUnpackedSize(ImportSource source) {
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(source.content()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (name.endsWith(".xml") || name.endsWith(".rels")) {
                    try {
                        total += zip.transferTo(Meter.forPart(total, false));
                    } catch (TooLarge e) {
                        throw new ImportFailed(source.name(), 0, e.total()
                                ? "the Word file unpacks to more than " + (MAX_TOTAL_BYTES >> 20)
                                        + " MB of text and formatting; split it into smaller files"
                                : "a part of the Word file (" + entry.getName() + ") unpacks to more than "
                                        + (MAX_PART_BYTES >> 20) + " MB");
                    }
                }
            }
        } catch (ImportFailed e) {
            throw e;
        } catch (IOException | RuntimeException notReadable) {
            // not a ZIP or a broken one: POI says so when it reads the file
        }
    }
}
