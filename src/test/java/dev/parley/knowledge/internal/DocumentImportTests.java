package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

class DocumentImportTests {

    private static final String FILLER = "Our team checks every returned item within two working days of arrival. ";

    @Test
    void readsTheMainContentOfAWebPageAsOneArticleWhenShort() {
        List<ArticleDraft> drafts = read(ImportFormat.HTML, "returns.html", """
                <!doctype html><html><head><title>Returns | Shop</title><script>alert(1)</script></head>
                <body><nav><a href="/">Home</a> Menu</nav>
                <main><h1>Returning an item</h1>
                <p>You have <b>30 days</b> to return
                   an item. Use <a href="https://shop.example/returns/form">the return form</a>.</p>
                <h2>Refund times</h2>
                <table><tr><th>Method</th><th>Time</th></tr><tr><td>Card</td><td>5 days</td></tr>
                <tr><td>PayPal</td><td>2 days</td></tr></table>
                <ul><li>Keep the receipt</li><li>Pack it well<ul><li>Original box if you can</li></ul></li></ul>
                <button>Chat with us</button><form><input name="q"></form></main>
                <footer>© Shop</footer></body></html>
                """);
        assertThat(drafts).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("returns");
            assertThat(d.title()).isEqualTo("Returning an item");
            assertThat(d.source()).isEqualTo("returns.html");
            assertThat(d.body()).isEqualTo("""
                    You have **30 days** to return an item. Use [the return form](https://shop.example/returns/form).

                    ## Refund times

                    - Method: Card; Time: 5 days
                    - Method: PayPal; Time: 2 days

                    - Keep the receipt
                    - Pack it well
                      - Original box if you can""");
            assertThat(d.body()).doesNotContain("alert", "Menu", "Chat with us", "© Shop");
        });
    }

    @Test
    void splitsALongWebPageAtItsHeadingsAndLinksEachSectionToItsAnchor() {
        String html = "<html><head><link rel=canonical href='https://help.example/returns'></head><body><article>"
                + "<h1>Returns</h1><p>Start here.</p>"
                + "<h2 id='how'>How to return</h2><p>" + FILLER.repeat(40) + "</p>"
                + "<h2 id='refunds'>Refunds</h2><p>" + FILLER.repeat(40) + "</p>"
                + "<h2>Refunds</h2><p>Second section with the same heading.</p>"
                + "<h2>Contact</h2><p>4.1</p></article></body></html>";
        List<ArticleDraft> drafts = read(ImportFormat.HTML, "returns.html", html);
        assertThat(drafts).extracting(ArticleDraft::id)
                .containsExactly("returns", "returns--how-to-return", "returns--refunds", "returns--refunds-2");
        assertThat(drafts).extracting(ArticleDraft::title)
                .containsExactly("Returns", "Returns — How to return", "Returns — Refunds", "Returns — Refunds");
        assertThat(drafts.get(0).source()).isEqualTo("https://help.example/returns");
        assertThat(drafts.get(1).source()).isEqualTo("https://help.example/returns#how");
        assertThat(drafts.get(3).source()).isEqualTo("https://help.example/returns — Refunds");
        assertThat(drafts.get(1).body()).startsWith(FILLER.strip()).doesNotContain("<");
    }

    @Test
    void readsAPdfWithItsBookmarksAsSections() throws IOException {
        byte[] pdf = pdf(null, true);
        List<ArticleDraft> drafts = read(ImportFormat.PDF, "Care Guide.pdf", pdf);
        assertThat(drafts).extracting(ArticleDraft::title)
                .containsExactly("Care Guide", "Care Guide — Washing", "Care Guide — Storage");
        ArticleDraft washing = drafts.get(1);
        assertThat(washing.id()).isEqualTo("care-guide--washing");
        assertThat(washing.source()).isEqualTo("Care Guide.pdf — Washing");
        assertThat(washing.body()).contains("Wash the jacket at thirty degrees with a mild detergent")
                .contains("reproofing").doesNotContain("reproof-").doesNotContain("\n" + "with a mild");
        assertThat(drafts.get(2).body()).contains("Store it dry");
    }

    @Test
    void readsTheHeadingsOfAPdfWithoutBookmarksFromTheirTypeSize() throws IOException {
        String filler = FILLER.repeat(30);
        byte[] pdf = sizedPdf(List.of(
                List.of(sized(20, "Care Guide"), sized(9, ""), sized(9, "This guide keeps your jacket in shape.")),
                List.of(sized(14, "Washing and drying your jacket at home, step by"), sized(14, "step"),
                        sized(9, ""), sized(9, "Wash the jacket at thirty degrees"),
                        sized(9, "with a mild detergent, then renew"), sized(9, "the reproof-"),
                        sized(9, "ing once a season."), sized(9, ""), sized(9, filler), sized(9, ""), sized(9, "2")),
                List.of(sized(14, "Storage"), sized(9, ""), sized(9, "Store it dry and loosely hung."), sized(9, ""),
                        sized(9, filler))));

        List<ArticleDraft> drafts = read(ImportFormat.PDF, "care-guide.pdf", pdf);

        assertThat(drafts).extracting(ArticleDraft::title).containsExactly("Care Guide",
                "Care Guide — Washing and drying your jacket at home, step by step", "Care Guide — Storage");
        assertThat(drafts.get(0).body()).isEqualTo("This guide keeps your jacket in shape.");
        assertThat(drafts.get(1).body()).startsWith("Wash the jacket at thirty degrees with a mild detergent, "
                + "then renew the reproofing once a season.").doesNotContain("Storage");
        assertThat(drafts.get(2).body()).startsWith("Store it dry and loosely hung.");
    }

    @Test
    void leavesPageNumbersAndRunningHeadsOutOfAPdfsArticles() throws IOException {
        List<List<SizedLine>> pages = new java.util.ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            pages.add(List.of(sized(8, "Northwind care guide, edition " + page), sized(9, ""),
                    sized(9, "Paragraph " + "abc".charAt(page - 1) + " of the guide keeps your jacket in shape."),
                    sized(9, ""), sized(9, "Page " + page + " of 3")));
        }

        ArticleDraft draft = read(ImportFormat.PDF, "guide.pdf", sizedPdf(pages)).getFirst();

        assertThat(draft.body()).contains("Paragraph a of the guide", "Paragraph b", "Paragraph c")
                .doesNotContain("Northwind").doesNotContain("of 3");
    }

    @Test
    void aPdfSetInOneSizeWithoutBookmarksIsReadAsText() throws IOException {
        byte[] pdf = sizedPdf(List.of(List.of(sized(9, "Gift cards"), sized(9, ""),
                sized(9, "Gift cards never expire and can be used on any order."), sized(9, ""), sized(9, "1"))));

        List<ArticleDraft> drafts = read(ImportFormat.PDF, "gift-cards.pdf", pdf);

        assertThat(drafts).singleElement().satisfies(draft -> {
            assertThat(draft.title()).isEqualTo("Gift cards");
            assertThat(draft.body()).contains("Gift cards never expire").doesNotContain("#");
        });
    }

    @Test
    void refusesBrokenAndPasswordProtectedPdfs() throws IOException {
        assertThatThrownBy(() -> read(ImportFormat.PDF, "broken.pdf", "%PDF-1.7\n garbage".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ImportFailed.class, e -> assertThat(e.file()).isEqualTo("broken.pdf"))
                .hasMessageContaining("not a readable PDF").hasMessageContaining("Nothing was imported");
        assertThatThrownBy(() -> read(ImportFormat.PDF, "secret.pdf", pdf("owner-pass", false)))
                .hasMessageContaining("protected by a password");
    }

    @Test
    void readsAWordDocumentWithHeadingsListsTablesAndLinks() throws IOException {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraph(doc, "Title", "Shipping");
            paragraph(doc, null, "We ship to most countries.");
            paragraph(doc, "Heading1", "Delivery times");
            XWPFTable table = doc.createTable(3, 2);
            table.getRow(0).getCell(0).setText("Region");
            table.getRow(0).getCell(1).setText("Days");
            table.getRow(1).getCell(0).setText("Europe");
            table.getRow(1).getCell(1).setText("3");
            table.getRow(2).getCell(0).setText("USA");
            table.getRow(2).getCell(1).setText("7");
            XWPFParagraph item = paragraph(doc, null, "Track your parcel online");
            item.setNumID(BigInteger.ONE);
            XWPFParagraph linked = doc.createParagraph();
            linked.createRun().setText("See ");
            linked.createHyperlinkRun("https://shop.example/track").setText("the tracking page");
            doc.write(out);
            docx = out.toByteArray();
        }
        ArticleDraft d = read(ImportFormat.DOCX, "shipping.docx", docx).getFirst();
        assertThat(d.title()).isEqualTo("Shipping");
        assertThat(d.body()).isEqualTo("""
                We ship to most countries.

                ## Delivery times

                - Region: Europe; Days: 3
                - Region: USA; Days: 7

                - Track your parcel online

                See [the tracking page](https://shop.example/track)""");
    }

    @Test
    void readsTheHeadingsOfAWordDocumentTypedWithDirectFormatting() throws IOException {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            formatted(doc, "Care Guide", true, 20);
            formatted(doc, "This guide keeps your jacket in shape.", false, 0);
            formatted(doc, "Washing", true, 14);
            formatted(doc, "Wash it at thirty degrees.", false, 0);
            formatted(doc, "Drying", true, 0);
            formatted(doc, "Hang it up to dry.", false, 0);
            formatted(doc, "Never tumble dry it.", true, 0);
            formatted(doc, "Thanks", false, 0);
            doc.write(out);
            docx = out.toByteArray();
        }
        ArticleDraft d = read(ImportFormat.DOCX, "care.docx", docx).getFirst();
        assertThat(d.title()).isEqualTo("Care Guide");
        assertThat(d.body()).isEqualTo("""
                This guide keeps your jacket in shape.

                ## Washing

                Wash it at thirty degrees.

                ### Drying

                Hang it up to dry.

                **Never tumble dry it.**

                Thanks""");
    }

    @Test
    void readsACustomHeadingStyleByItsOutlineLevelAndThenIgnoresBoldParagraphs() throws IOException {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle section =
                    org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle.Factory.newInstance();
            section.setStyleId("KbSection");
            section.addNewName().setVal("KB section");
            section.addNewPPr().addNewOutlineLvl().setVal(BigInteger.ONE);
            doc.createStyles().addStyle(new org.apache.poi.xwpf.usermodel.XWPFStyle(section));
            paragraph(doc, null, "Opening hours for the whole year.");
            paragraph(doc, "KbSection", "Holidays");
            formatted(doc, "Closed on public holidays", true, 0);
            doc.write(out);
            docx = out.toByteArray();
        }
        ArticleDraft d = read(ImportFormat.DOCX, "hours.docx", docx).getFirst();
        assertThat(d.body()).isEqualTo("""
                Opening hours for the whole year.

                ## Holidays

                **Closed on public holidays**""");
    }

    @Test
    void refusesBrokenWordFilesAndOldDocFiles() {
        assertThatThrownBy(() -> read(ImportFormat.DOCX, "broken.docx", "PK\u0003\u0004 not a zip".getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessageContaining("broken.docx").hasMessageContaining("not a readable Word");
        byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertThatThrownBy(() -> read(ImportFormat.DOCX, "old.doc", ole)).hasMessageContaining("save it as .docx");
    }

    @Test
    void readsPlainTextWithTheFirstLineAsTitleAndJoinsWrappedLines() {
        ArticleDraft d = read(ImportFormat.TEXT, "gift-cards.txt", """
                Gift cards
                Gift cards never expire and can be used
                for any product in the shop.

                - They cannot be exchanged
                  for cash.
                - Lost cards can be blocked.
                """).getFirst();
        assertThat(d.title()).isEqualTo("Gift cards");
        assertThat(d.body()).isEqualTo("""
                Gift cards never expire and can be used for any product in the shop.

                - They cannot be exchanged for cash.
                - Lost cards can be blocked.""");
    }

    @Test
    void refusesBinaryOrNonUtf8TextAndDocumentsWithoutText() {
        assertThatThrownBy(() -> read(ImportFormat.TEXT, "x.txt", new byte[] {'a', (byte) 0xff, 'b'}))
                .hasMessageContaining("not UTF-8 text");
        assertThatThrownBy(() -> read(ImportFormat.TEXT, "y.txt", new byte[] {'a', 0, 'b'}))
                .hasMessageContaining("not a text file");
        assertThatThrownBy(() -> read(ImportFormat.HTML, "empty.html", "<html><body><nav>Only a menu</nav></body></html>"))
                .hasMessageContaining("empty.html").hasMessageContaining("holds no text");
    }

    @Test
    void picksEachFilesFormatByItsNameElseItsFirstBytes() throws IOException {
        assertThat(ImportFormat.of(new ImportSource("a.HTM", new byte[0]))).isEqualTo(ImportFormat.HTML);
        assertThat(ImportFormat.of(new ImportSource("a.md", new byte[0]))).isEqualTo(ImportFormat.MARKDOWN);
        assertThat(ImportFormat.of(new ImportSource("upload", pdf(null, false)))).isEqualTo(ImportFormat.PDF);
        assertThat(ImportFormat.of(new ImportSource("upload", "PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1))))
                .isEqualTo(ImportFormat.DOCX);
        assertThat(ImportFormat.of(new ImportSource("upload", " <!DOCTYPE html><p>x".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(ImportFormat.HTML);
        assertThat(ImportFormat.of(new ImportSource("notes", "Plain words".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(ImportFormat.TEXT);
        assertThat(ImportFormat.parse("")).isEqualTo(ImportFormat.AUTO);
        assertThatThrownBy(() -> ImportFormat.parse("yaml")).hasMessageContaining("auto, jsonl, markdown, csv, html, pdf, docx, text");
    }

    @Test
    void splitsASectionLongerThanAnArticleMayBeIntoPartsAndKeepsAllItsText() {
        StringBuilder text = new StringBuilder("Warranty terms\n\n");
        int paragraphs = 0;
        while (text.length() < 2.5 * ArticleRules.MAX_BODY) {
            text.append("Paragraph ").append(++paragraphs).append(": ").append(FILLER.repeat(5)).append("\n\n");
        }

        List<ArticleDraft> drafts = read(ImportFormat.TEXT, "warranty.txt", text.toString());

        assertThat(drafts).extracting(ArticleDraft::title)
                .containsExactly("Warranty terms", "Warranty terms (part 2)", "Warranty terms (part 3)");
        assertThat(drafts).extracting(ArticleDraft::id).doesNotHaveDuplicates();
        assertThat(drafts).allSatisfy(d -> assertThat(d.body().length()).isLessThanOrEqualTo(ArticleRules.MAX_BODY));
        String all = String.join("\n\n", drafts.stream().map(ArticleDraft::body).toList());
        for (int p : new int[] {1, paragraphs / 2, paragraphs}) {
            assertThat(all).as("paragraph %d is kept", p).contains("Paragraph " + p + ": ");
        }
        assertThat(drafts.get(1).body()).as("parts end between paragraphs").startsWith("Paragraph ");
    }

    @Test
    void refusesADocumentWithMoreTextThanAnImportMayHold() {
        String text = "Huge manual\n\n" + (FILLER + "\n\n").repeat((int) (1.1 * DocumentSections.MAX_CHARACTERS / FILLER.length()));

        assertThatThrownBy(() -> read(ImportFormat.TEXT, "huge.txt", text))
                .isInstanceOfSatisfying(ImportFailed.class, e -> assertThat(e.file()).isEqualTo("huge.txt"))
                .hasMessageContaining("holds more than 10,000,000 characters of text; split it into smaller files");
    }

    @Test
    void refusesAWordFileWhoseTextUnpacksToMoreThanAPartMayHold() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            byte[] chunk = "<w:p><w:r><w:t>aaaa</w:t></w:r></w:p>".repeat(2_000).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written <= UnpackLimits.MAX_PART_BYTES; written += chunk.length) {
                zip.write(chunk);
            }
        }
        assertThat(out.size()).as("a small file").isLessThan(1 << 20);

        assertThatThrownBy(() -> read(ImportFormat.DOCX, "bomb.docx", out.toByteArray()))
                .isInstanceOfSatisfying(ImportFailed.class, e -> assertThat(e.file()).isEqualTo("bomb.docx"))
                .hasMessageContaining("a part of the Word file (word/document.xml) unpacks to more than 64 MB");
    }

    private static List<ArticleDraft> read(ImportFormat format, String name, String text) {
        return read(format, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<ArticleDraft> read(ImportFormat format, String name, byte[] content) {
        ImportSource source = new ImportSource(name, content);
        return switch (format) {
            case HTML -> DocumentSections.of(name, HtmlDocuments.read(source));
            case PDF -> DocumentSections.of(name, PdfDocuments.read(source));
            case DOCX -> DocumentSections.of(name, DocxDocuments.read(source));
            case TEXT -> DocumentSections.of(name, TextDocuments.read(source));
            default -> throw new IllegalArgumentException(format.name());
        };
    }

    /** A paragraph in direct formatting only: bold or not, in a size of its own (0: the document's default). */
    private static void formatted(XWPFDocument doc, String text, boolean bold, int size) {
        org.apache.poi.xwpf.usermodel.XWPFRun run = doc.createParagraph().createRun();
        run.setText(text);
        run.setBold(bold);
        if (size > 0) {
            run.setFontSize(size);
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        if (style != null) {
            p.setStyle(style);
        }
        p.createRun().setText(text);
        return p;
    }

    /** A three-page care guide: an introduction, then "Washing" and "Storage" bookmarked on pages 2 and 3. */
    private static byte[] pdf(String ownerPassword, boolean long_) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            String filler = long_ ? FILLER.repeat(30) : "";
            page(doc, font, List.of("Care Guide", "", "This guide keeps your jacket in shape."));
            PDPage washing = page(doc, font, wrap(List.of("Washing", "",
                    "Wash the jacket at thirty degrees", "with a mild detergent, then renew", "the reproof-",
                    "ing once a season.", "", filler)));
            PDPage storage = page(doc, font, wrap(List.of("Storage", "", "Store it dry and loosely hung.", "", filler)));
            PDDocumentOutline outline = new PDDocumentOutline();
            doc.getDocumentCatalog().setDocumentOutline(outline);
            outline.addLast(bookmark("Washing", washing));
            outline.addLast(bookmark("Storage", storage));
            if (ownerPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerPassword, "user-pass", new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static List<String> wrap(List<String> lines) {
        return lines.stream().flatMap(l -> l.length() <= 90 ? java.util.stream.Stream.of(l)
                : java.util.Arrays.stream(l.split("(?<=\\G.{1,90})(?: |$)"))).toList();
    }

    private static PDOutlineItem bookmark(String title, PDPage page) {
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        PDPageFitDestination destination = new PDPageFitDestination();
        destination.setPage(page);
        item.setDestination(destination);
        return item;
    }

    private static PDPage page(PDDocument doc, PDType1Font font, List<String> lines) throws IOException {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
            text.beginText();
            text.setFont(font, 9);
            text.setLeading(11);
            text.newLineAtOffset(40, 750);
            for (String line : lines) {
                text.showText(line);
                text.newLine();
            }
            text.endText();
        }
        return page;
    }

    private record SizedLine(float size, String text) {
    }

    private static SizedLine sized(float size, String text) {
        return new SizedLine(size, text);
    }

    /** A PDF without bookmarks whose pages set each line in its own size. */
    private static byte[] sizedPdf(List<List<SizedLine>> pages) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<SizedLine> lines : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                    text.beginText();
                    text.newLineAtOffset(40, 750);
                    for (SizedLine line : lines) {
                        for (String wrapped : wrap(List.of(line.text()))) {
                            text.setFont(font, line.size());
                            text.showText(wrapped);
                            text.newLineAtOffset(0, -line.size() * 1.25f);
                        }
                    }
                    text.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
