package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/** Small PDFs that unpack to far more than they weigh fail with a reason instead of taking the node's memory. */
class PdfLimitsTests {

    @Test
    void refusesAPdfWhosePageContentUnpacksToMoreThanOnePartMayHold() throws IOException {
        byte[] content = deflated(UnpackLimits.MAX_PART_BYTES + (1 << 20));
        byte[] bomb = pdfWithPageContents(content, 1);
        assertThat(bomb.length).as("a small file").isLessThan(1 << 20);

        assertThatThrownBy(() -> PdfDocuments.read(new ImportSource("bomb.pdf", bomb)))
                .isInstanceOfSatisfying(ImportFailed.class, e -> assertThat(e.file()).isEqualTo("bomb.pdf"))
                .hasMessageContaining("a part of the PDF unpacks to more than 64 MB")
                .hasMessageContaining("Nothing was imported");
    }

    @Test
    void refusesAPdfWhosePartsTogetherUnpackToMoreThanAnImportMayHold() throws IOException {
        byte[] content = deflated(UnpackLimits.MAX_PART_BYTES - (4 << 20));
        byte[] bomb = pdfWithPageContents(content, 5);

        assertThatThrownBy(() -> PdfDocuments.read(new ImportSource("pages.pdf", bomb)))
                .isInstanceOf(ImportFailed.class)
                .hasMessageContaining("pages and fonts unpack to more than 256 MB; split it into smaller files");
    }

    @Test
    void refusesAPageThatDrawsMoreTextThanAPageCanHold() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 1);
                text.showText("a".repeat(PdfLimits.MAX_PAGE_CHARACTERS + 10));
                text.endText();
            }
            doc.save(out);

            assertThatThrownBy(() -> PdfDocuments.read(new ImportSource("dense.pdf", out.toByteArray())))
                    .isInstanceOf(ImportFailed.class)
                    .hasMessageContaining("page 1 of the PDF holds more than 200,000 characters");
        }
    }

    @Test
    void stopsReadingADocumentOnceItHoldsMoreTextThanAnImportMay() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < 3; i++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                    text.beginText();
                    text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                    text.newLineAtOffset(40, 700);
                    text.showText("b".repeat(60));
                    text.endText();
                }
            }
            assertThat(new PdfLimits.BoundedTextStripper("long.pdf", 100, 200).getText(doc)).hasSizeGreaterThan(100);
            assertThatThrownBy(() -> new PdfLimits.BoundedTextStripper("long.pdf", 100, 150).getText(doc))
                    .isInstanceOf(ImportFailed.class)
                    .hasMessageContaining("long.pdf: the PDF holds more than 150 characters of text");
            assertThatThrownBy(() -> new PdfLimits.BoundedTextStripper("long.pdf", 50, 1_000).getText(doc))
                    .hasMessageContaining("page 1 of the PDF holds more than 50 characters");
        }
    }

    @Test
    void measuresWhatAnOrdinaryDocumentUnpacksToAndLetsItThrough() throws IOException {
        byte[] content = deflated(4 << 20);
        byte[] pdf = pdfWithPageContents(content, 3);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PdfLimits.check(doc, "fine.pdf");
        }
    }

    /** {@code size} bytes of valid page content (save and restore the graphics state), compressed. */
    private static byte[] deflated(long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = "q Q\n".repeat(16_384).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream deflate = new DeflaterOutputStream(out)) {
            for (long written = 0; written < size; written += chunk.length) {
                deflate.write(chunk);
            }
        }
        return out.toByteArray();
    }

    private static byte[] pdfWithPageContents(byte[] deflated, int pages) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                COSStream stream = doc.getDocument().createCOSStream();
                try (OutputStream raw = stream.createRawOutputStream()) {
                    raw.write(deflated);
                }
                stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
                PDPage page = new PDPage();
                page.setContents(new PDStream(stream));
                doc.addPage(page);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
