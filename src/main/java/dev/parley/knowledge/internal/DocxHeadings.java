package dev.parley.knowledge.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrBase;

/**
 * Which paragraphs of a Word document are headings, and of which level. A document that marks headings the way Word
 * means it to ("Heading 1-6" styles, or an outline level on the paragraph or its style, as custom heading styles
 * have) is read by those marks alone. One that marks none, typed with direct formatting instead, gets its headings
 * from that formatting: a short paragraph, not a sentence, set entirely in bold or clearly larger than the body
 * text ({@link TypeSizes}); each larger size is a higher level.
 */
final class DocxHeadings {

    private static final Pattern HEADING = Pattern.compile("heading\\s*([1-6])");
    private static final double WORD_DEFAULT_SIZE = 11;

    private final XWPFDocument docx;
    private final boolean marked;
    private final double defaultSize;
    private final double body;
    private final List<Double> headingSizes;

    DocxHeadings(XWPFDocument docx) {
        this.docx = docx;
        Double declared = docx.getStyles() == null || docx.getStyles().getDefaultRunStyle() == null ? null
                : docx.getStyles().getDefaultRunStyle().getFontSizeAsDouble();
        this.defaultSize = declared == null ? WORD_DEFAULT_SIZE : declared;
        List<XWPFParagraph> paragraphs = new ArrayList<>();
        for (IBodyElement element : docx.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                paragraphs.add(p);
            }
        }
        this.marked = paragraphs.stream().anyMatch(p -> markedLevel(p) > 0);
        Map<Double, Integer> characters = new HashMap<>();
        paragraphs.forEach(p -> characters.merge(size(p), p.getText().strip().length(), Integer::sum));
        this.body = TypeSizes.mostCharacters(characters, defaultSize);
        TreeSet<Double> sizes = new TreeSet<>();
        if (!marked) {
            paragraphs.stream().filter(this::formattedAsHeading).forEach(p -> sizes.add(size(p)));
        }
        this.headingSizes = new ArrayList<>(sizes.descendingSet());
    }

    /** The paragraph's heading level (1-6), or 0 when it is not a heading. */
    int level(XWPFParagraph p) {
        if (marked) {
            return markedLevel(p);
        }
        return formattedAsHeading(p) ? Math.min(6, headingSizes.indexOf(size(p)) + 1) : 0;
    }

    /** The paragraph's style name in lower case ("title", "heading 2"), or "" without a style. */
    String styleName(XWPFParagraph p) {
        XWPFStyle style = style(p);
        String name = style != null && style.getName() != null ? style.getName() : p.getStyleID();
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }

    private int markedLevel(XWPFParagraph p) {
        Matcher heading = HEADING.matcher(styleName(p));
        if (heading.find()) {
            return Integer.parseInt(heading.group(1));
        }
        int outline = outlineLevel(p.getCTP().getPPr());
        if (outline < 0) {
            XWPFStyle style = style(p);
            outline = style == null ? -1 : outlineLevel(style.getCTStyle().getPPr());
        }
        return outline >= 0 && outline < 6 ? outline + 1 : 0; // 9 is Word's "body text"
    }

    private static int outlineLevel(CTPPrBase properties) {
        return properties != null && properties.isSetOutlineLvl() && properties.getOutlineLvl().getVal() != null
                ? properties.getOutlineLvl().getVal().intValue() : -1;
    }

    private boolean formattedAsHeading(XWPFParagraph p) {
        String text = p.getText().strip();
        if (!TypeSizes.headingText(text) || p.getNumID() != null || text.endsWith(".")) {
            return false;
        }
        boolean allBold = p.getRuns().stream().filter(run -> run.text() != null && !run.text().isBlank())
                .allMatch(XWPFRun::isBold);
        return allBold || TypeSizes.larger(size(p), body);
    }

    /** The largest size any of the paragraph's text is set in (runs without one: the document's default). */
    private double size(XWPFParagraph p) {
        double largest = 0;
        for (XWPFRun run : p.getRuns()) {
            if (run.text() != null && !run.text().isBlank()) {
                Double size = run.getFontSizeAsDouble();
                largest = Math.max(largest, size == null ? defaultSize : size);
            }
        }
        return largest == 0 ? defaultSize : largest;
    }

    private XWPFStyle style(XWPFParagraph p) {
        String id = p.getStyleID();
        return id == null || docx.getStyles() == null ? null : docx.getStyles().getStyle(id);
    }
}
