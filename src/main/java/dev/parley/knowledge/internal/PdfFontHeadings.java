package dev.parley.knowledge.internal;

import dev.parley.knowledge.internal.ParsedDocument.Block;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.TextPosition;

/**
 * The headings of a PDF without bookmarks, told by their type size: most documents exported from a word processor or
 * a web page set headings larger than the text and carry no outline. The size most of the text is set in is the
 * body's; a short line set clearly larger is a heading, and each larger size is a higher level (a heading wrapped
 * over two lines stays one; the rule is {@link TypeSizes}). Lines of digits (page numbers) and long lines are never
 * headings, so a document in one size, or with a large pull quote, reads as text. Page numbers and running heads are left out
 * ({@link PageFurniture}).
 */
final class PdfFontHeadings {

    private static final int LEVELS = 4;

    private PdfFontHeadings() {
    }

    /**
     * The document's paragraphs and the headings its type sizes show, in reading order. A first heading in a size
     * no other heading has is the document's title (unless {@code title}, from its information, names one already),
     * so that the next size down divides it into sections.
     */
    static ParsedDocument read(PDDocument pdf, String title, String file) throws IOException {
        SizedText text = new SizedText(file);
        List<Line> lines = text.lines(pdf);
        float body = bodySize(lines);
        TreeSet<Float> headingSizes = new TreeSet<>();
        for (Line line : lines) {
            if (isHeading(line, body)) {
                headingSizes.add(line.size());
            }
        }
        List<Float> bySize = new ArrayList<>(headingSizes.descendingSet());
        List<Block> blocks = new ArrayList<>();
        StringBuilder paragraphs = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (!isHeading(line, body)) {
                paragraphs.append(line.raw()).append('\n');
            } else if (i > 0 && isHeading(lines.get(i - 1), body) && lines.get(i - 1).size() == line.size()) {
                Block wrapped = blocks.removeLast(); // the heading's next line, not a blank line apart
                blocks.add(Block.heading(wrapped.level(), wrapped.text() + " " + line.text(), null));
            } else {
                WrappedText.paragraphs(paragraphs.toString(), blocks);
                paragraphs.setLength(0);
                int level = Math.min(LEVELS, bySize.indexOf(line.size()) + 1);
                blocks.add(Block.heading(level, line.text(), null));
            }
        }
        WrappedText.paragraphs(paragraphs.toString(), blocks);
        List<Block> headings = blocks.stream().filter(Block::heading).toList();
        if (!headings.isEmpty() && headings.getFirst().level() == 1
                && headings.stream().filter(heading -> heading.level() == 1).count() == 1) {
            blocks.remove(headings.getFirst());
            if (title == null || title.isBlank()) {
                title = headings.getFirst().text();
            }
        }
        return new ParsedDocument(title, blocks);
    }

    private static boolean isHeading(Line line, float body) {
        return TypeSizes.larger(line.size(), body) && TypeSizes.headingText(line.text());
    }

    /** The size that sets the most characters. */
    private static float bodySize(List<Line> lines) {
        Map<Float, Integer> characters = new HashMap<>();
        for (Line line : lines) {
            characters.merge(line.size(), line.text().length(), Integer::sum);
        }
        return TypeSizes.mostCharacters(characters, 0f);
    }

    /** One line of the extracted text and the size most of its characters are set in (to half a point). */
    private record Line(String raw, float size) {

        String text() {
            return raw.strip().replaceAll("\\s+", " ");
        }
    }

    /** PDFBox's text extraction, noting the type size of each piece of text where it lands in the output. */
    private static final class SizedText extends PdfLimits.BoundedTextStripper {

        private final StringWriter out = new StringWriter();
        private final List<int[]> runs = new ArrayList<>();
        private final List<Float> sizes = new ArrayList<>();
        private final List<Integer> pageStarts = new ArrayList<>();

        SizedText(String file) {
            super(file);
            setSortByPosition(true);
            setLineSeparator("\n");
            setParagraphEnd("\n\n");
        }

        List<Line> lines(PDDocument pdf) throws IOException {
            writeText(pdf, out);
            String text = out.toString();
            List<List<Line>> pages = new ArrayList<>();
            pages.add(new ArrayList<>());
            int start = 0;
            int run = 0;
            int page = 0;
            while (start <= text.length()) {
                int end = text.indexOf('\n', start);
                if (end < 0) {
                    end = text.length();
                }
                Map<Float, Integer> characters = new HashMap<>();
                while (run < runs.size() && runs.get(run)[1] <= start) {
                    run++;
                }
                for (int r = run; r < runs.size() && runs.get(r)[0] < end; r++) {
                    int overlap = Math.min(end, runs.get(r)[1]) - Math.max(start, runs.get(r)[0]);
                    if (overlap > 0) {
                        characters.merge(sizes.get(r), overlap, Integer::sum);
                    }
                }
                float size = TypeSizes.mostCharacters(characters, 0f);
                while (page + 1 < pageStarts.size() && pageStarts.get(page + 1) <= start) {
                    page++;
                    pages.add(new ArrayList<>());
                }
                pages.getLast().add(new Line(text.substring(start, end), size));
                start = end + 1;
            }
            return PageFurniture.strip(pages, Line::raw).stream().flatMap(List::stream).toList();
        }

        @Override
        protected void writePageStart() throws IOException {
            pageStarts.add(out.getBuffer().length());
            super.writePageStart();
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            int start = out.getBuffer().length();
            super.writeString(text, positions);
            float largest = 0;
            for (TextPosition position : positions) {
                largest = Math.max(largest, position.getFontSizeInPt());
            }
            runs.add(new int[] {start, out.getBuffer().length()});
            sizes.add(Math.round(largest * 2) / 2f);
        }
    }
}
