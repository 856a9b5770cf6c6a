package dev.parley.knowledge.internal;

import dev.parley.knowledge.internal.ParsedDocument.Block;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads a PDF with PDFBox: the text of every page, lines joined back into paragraphs (hyphenation at line ends
 * undone), and the bookmarks (outline, two levels) as headings where they point, so a long manual splits into
 * sections; without bookmarks, the headings its type sizes show ({@link PdfFontHeadings}). Page numbers and running
 * heads are left out ({@link PageFurniture}). Password-protected and broken files, and files that unpack to more than
 * an import can hold ({@link PdfLimits}), fail with a clear reason.
 */
final class PdfDocuments {

    private static final int OUTLINE_LEVELS = 2;

    private PdfDocuments() {
    }

    static ParsedDocument read(ImportSource source) {
        try (PDDocument pdf = Loader.loadPDF(source.content())) {
            PdfLimits.check(pdf, source.name());
            List<Mark> marks = new ArrayList<>();
            PDOutlineNode outline = pdf.getDocumentCatalog().getDocumentOutline();
            if (outline != null) {
                collect(pdf, outline, 1, marks);
            }
            String title = pdf.getDocumentInformation().getTitle();
            if (marks.isEmpty()) {
                return PdfFontHeadings.read(pdf, title, source.name());
            }
            marks.sort(Comparator.comparingInt(Mark::page));
            PDFTextStripper stripper = new PdfLimits.BoundedTextStripper(source.name());
            stripper.setSortByPosition(true);
            stripper.setLineSeparator("\n");
            stripper.setParagraphEnd("\n\n");
            List<List<String>> pages = new ArrayList<>();
            for (int page = 0; page < pdf.getNumberOfPages(); page++) {
                stripper.setStartPage(page + 1);
                stripper.setEndPage(page + 1);
                pages.add(List.of(stripper.getText(pdf).split("\n", -1)));
            }
            pages = PageFurniture.strip(pages, line -> line);
            List<Block> blocks = new ArrayList<>();
            for (int page = 0; page < pages.size(); page++) {
                String text = String.join("\n", pages.get(page));
                int at = 0;
                for (Mark mark : marks) {
                    if (mark.page() != page) {
                        continue;
                    }
                    int found = text.toLowerCase(Locale.ROOT).indexOf(mark.title().toLowerCase(Locale.ROOT), at);
                    if (found >= 0) {
                        WrappedText.paragraphs(text.substring(at, found), blocks);
                        at = found + mark.title().length();
                    }
                    blocks.add(Block.heading(mark.level(), mark.title(), null));
                }
                WrappedText.paragraphs(text.substring(at), blocks);
            }
            return new ParsedDocument(title, blocks);
        } catch (ImportFailed e) {
            throw e;
        } catch (InvalidPasswordException e) {
            throw new ImportFailed(source.name(), 0, "the PDF is protected by a password");
        } catch (IOException | RuntimeException e) {
            throw new ImportFailed(source.name(), 0, "the file is not a readable PDF");
        }
    }

    private static void collect(PDDocument pdf, PDOutlineNode node, int level, List<Mark> marks) throws IOException {
        for (PDOutlineItem item : node.children()) {
            PDPage page = item.findDestinationPage(pdf);
            String title = item.getTitle() == null ? "" : item.getTitle().strip().replaceAll("\\s+", " ");
            if (page != null && !title.isEmpty()) {
                marks.add(new Mark(pdf.getPages().indexOf(page), level, title));
            }
            if (level < OUTLINE_LEVELS) {
                collect(pdf, item, level + 1, marks);
            }
        }
    }

    private record Mark(int page, int level, String title) {
    }
}
