package dev.parley.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real-looking mails from common clients (src/test/resources/mail/eml), and the broken ones real life sends. */
class MailParserTests {

    private final MailParser parser = new MailParser(MailLimits.defaults());

    static byte[] eml(String name) throws IOException {
        try (InputStream in = MailParserTests.class.getResourceAsStream("/mail/eml/" + name + ".eml")) {
            return in.readAllBytes();
        }
    }

    private ParsedMail parse(String name) throws IOException {
        return parser.parse(eml(name));
    }

    @Test
    void readsAGmailReplyFromItsTextPartWithThreadingHeaders() throws IOException {
        var mail = parse("gmail-html-and-text");

        assertThat(mail.parseFailed()).isFalse();
        assertThat(mail.messageId()).isEqualTo("<CAJx7mP3=kq+VqP1xYh5M0r7oTa9w@mail.gmail.com>");
        assertThat(mail.inReplyTo()).isEqualTo("<reply-41@acme.test>");
        assertThat(mail.references()).containsExactly("<0100018c2d1e7a5b-4c1e@email.acme.test>", "<reply-41@acme.test>");
        assertThat(mail.from()).isEqualTo(new MailAddress("Ann Smith", "ann.smith@gmail.example"));
        assertThat(mail.to()).containsExactly(new MailAddress("Acme Support", "support@acme.test"));
        assertThat(mail.cc()).containsExactly(new MailAddress("Bob Smith", "bob.smith@gmail.example"));
        assertThat(mail.recipientCount()).isEqualTo(2);
        assertThat(mail.subject()).isEqualTo("Re: Your refund for order 1042");
        assertThat(mail.sentAt()).isEqualTo(Instant.parse("2026-12-03T09:02:11Z"));
        assertThat(mail.fromHtml()).isFalse();
        assertThat(mail.text()).startsWith("Thanks! The refund arrived, but the invoice still shows my old address.\n")
                .contains("On Wed, Dec 2, 2026 at 4:15\u202fPM Acme Support <support@acme.test> wrote:")
                .contains("> your refund of €49.90 is on its way.");
        assertThat(mail.automated()).isEqualTo(Automated.NONE);
        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.warnings()).isEmpty();
    }

    @Test
    void turnsAnOutlookHtmlOnlyMailInWindows1252IntoText() throws IOException {
        var mail = parse("outlook-html-windows-1252");

        assertThat(mail.fromHtml()).isTrue();
        assertThat(mail.from()).isEqualTo(new MailAddress("Schmidt, Petra", "petra.schmidt@firma.example"));
        assertThat(mail.text()).startsWith("Guten Tag,\n\ndie Lieferung für Bestellung 1042 ist laut"
                        + " Sendungsverfolgung (https://track.example.test/1042) zugestellt")
                .contains("Bitte prüfen Sie das „dringend“.")
                .contains("Grüße\nPetra Schmidt")
                .contains("Von: Acme Support <support@acme.test>\nGesendet: Mittwoch, 2. Dezember 2026 16:15\n")
                .doesNotContain("MsoNormal", "alert", "never shown");
        assertThat(mail.warnings()).isEmpty();
    }

    @Test
    void keepsTheInlineImageOfAnAppleMailAndPrefersItsTextPart() throws IOException {
        var mail = parse("apple-mail-inline-image");

        assertThat(mail.text()).isEqualTo("Hi, the lid arrived with a scratch, see the photo.\n\nChris");
        assertThat(mail.fromHtml()).isFalse();
        assertThat(mail.attachments()).singleElement().satisfies(image -> {
            assertThat(image.filename()).isEqualTo("IMG_0042.png");
            assertThat(image.contentType()).isEqualTo("image/png");
            assertThat(image.size()).isEqualTo(image.content().length).isGreaterThan(50);
            assertThat(image.content()).startsWith(0x89, 'P', 'N', 'G');
        });
    }

    @Test
    void readsAThunderbirdFlowedTextMailWithAPdfAndKeepsInlineAngleBrackets() throws IOException {
        var mail = parse("thunderbird-plain");

        assertThat(mail.text()).contains("The total 1 > 0 is right, only the number is wrong.")
                .contains("> Could you send us the invoice?");
        assertThat(mail.attachments()).singleElement().satisfies(pdf -> {
            assertThat(pdf.filename()).isEqualTo("invoice-1042.pdf");
            assertThat(pdf.contentType()).isEqualTo("application/pdf");
            assertThat(new String(pdf.content())).startsWith("%PDF-1.4");
        });
    }

    @Test
    void decodesGermanEncodedWordsAndRfc2231FilenamesAndBlocksAnExecutable() throws IOException {
        var mail = parse("german-encoded-subject");

        assertThat(mail.subject()).isEqualTo("Reklamation: Größe falsch – Bestellung 1042");
        assertThat(mail.from()).isEqualTo(new MailAddress("Jürgen Müller", "juergen@example.de"));
        assertThat(mail.text()).contains("hat Größe M statt L. Die Rechnung hänge ich an.");
        assertThat(mail.attachments()).extracting(MailAttachment::filename).containsExactly("Rechnung März.pdf");
        assertThat(mail.skipped()).singleElement().satisfies(exe -> {
            assertThat(exe.filename()).isEqualTo("setup.exe");
            assertThat(exe.reason()).isEqualTo("blocked type .exe");
            assertThat(exe.size()).isEqualTo(57);
        });
    }

    @Test
    void decodesALatin1FrenchMailWithABase64Subject() throws IOException {
        var mail = parse("french-encoded-subject");

        assertThat(mail.subject()).isEqualTo("Problème de livraison, réponse rapide");
        assertThat(mail.from().name()).isEqualTo("Françoise Lefèvre");
        assertThat(mail.text()).contains("le colis n'est pas arrivé. Pourriez-vous vérifier ?").endsWith("Françoise");
        assertThat(mail.warnings()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"out-of-office, AUTO_REPLY", "exchange-oof, AUTO_REPLY", "dsn-bounce, BOUNCE",
            "mailing-list, LIST", "gmail-html-and-text, NONE", "thunderbird-plain, NONE"})
    void tellsMachineSentMailFromPeople(String fixture, Automated expected) throws IOException {
        assertThat(parse(fixture).automated()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Auto-Submitted: auto-generated|AUTO_REPLY",
            "Auto-Submitted: no|NONE", "Auto-Submitted: auto-replied; owner-email=a@b.test|AUTO_REPLY",
            "X-Autoreply: yes|AUTO_REPLY", "X-Autorespond: Vacation|AUTO_REPLY",
            "X-Auto-Response-Suppress: DR, OOF, AutoReply|AUTO_REPLY", "X-Auto-Response-Suppress: DR, RN|NONE",
            "Precedence: auto_reply|AUTO_REPLY", "Precedence: bulk|LIST", "Precedence: junk|LIST",
            "List-Unsubscribe: <mailto:leave@list.test>|LIST", "Return-Path: <>|BOUNCE",
            "Content-Type: multipart/report; report-type=delivery-status; boundary=x|BOUNCE"})
    void readsEachAutomatedMailHeader(String header, Automated expected) {
        String mail = "From: someone@example.test\r\nTo: support@acme.test\r\nSubject: x\r\n" + header + "\r\n\r\n"
                + (header.contains("boundary=x") ? "--x\r\nContent-Type: text/plain\r\n\r\nfailed\r\n--x--\r\n" : "hi");

        assertThat(parser.parse(mail.getBytes()).automated()).isEqualTo(expected);
    }

    @Test
    void aMailFromPostmasterIsABounce() {
        var mail = parser.parse("From: postmaster@mx.example.test\r\nSubject: failure\r\n\r\nnot delivered".getBytes());

        assertThat(mail.automated()).isEqualTo(Automated.BOUNCE);
    }

    @Test
    void readsABounceReportWithItsHumanReadablePartAsText() throws IOException {
        var mail = parse("dsn-bounce");

        assertThat(mail.text()).contains("<nobody@example.invalid>: Host or domain name not found.");
        assertThat(mail.attachments()).extracting(MailAttachment::contentType)
                .containsExactly("message/delivery-status", "text/rfc822-headers");
    }

    @Test
    void readsWhatIsThereWhenTheClosingBoundaryIsMissing() throws IOException {
        var mail = parse("broken-mime");

        assertThat(mail.parseFailed()).isFalse();
        assertThat(mail.text()).isEqualTo("My upload keeps failing, the file is attached.");
        assertThat(mail.attachments()).extracting(MailAttachment::filename).containsExactly("export.csv");
        assertThat(mail.warnings()).anyMatch(w -> w.contains("closing boundary"));
    }

    @Test
    void fallsBackFromAnUnknownCharsetWithAWarning() throws IOException {
        var mail = parse("unknown-charset");

        assertThat(mail.text()).isEqualTo("Café für Müller, s'il vous plaît.");
        assertThat(mail.subject()).isEqualTo("Résumé please");
        assertThat(mail.warnings()).anyMatch(w -> w.contains("x-unknown-42")).hasSize(2);
    }

    @Test
    void countsAllOf5000RecipientsButListsOnlyTheLimit() {
        var to = new StringBuilder("To: ");
        for (int i = 0; i < 5000; i++) {
            to.append(i == 0 ? "" : ",\r\n ").append("Customer ").append(i).append(" <c").append(i).append("@example.test>");
        }
        var mail = parser.parse(("From: spam@example.test\r\n" + to + "\r\nSubject: Offer\r\n\r\nBuy now").getBytes());

        assertThat(mail.recipientCount()).isEqualTo(5000);
        assertThat(mail.to()).hasSize(100).first().isEqualTo(new MailAddress("Customer 0", "c0@example.test"));
        assertThat(mail.warnings()).contains("5000 recipients, only the first 100 listed");
    }

    @Test
    void skipsAnAttachmentOverTheLimitWithItsSizeAndReason() {
        byte[] big = new byte[20 * 1024 * 1024];
        new java.util.Random(42).nextBytes(big);
        String body = "--b\r\nContent-Type: text/plain\r\n\r\nSee the video.\r\n--b\r\n"
                + "Content-Type: video/mp4\r\nContent-Disposition: attachment; filename=\"unboxing.mp4\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + java.util.Base64.getMimeEncoder().encodeToString(big)
                + "\r\n--b--\r\n";
        var mail = parser.parse(("From: ann@example.test\r\nSubject: Video\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n" + body).getBytes());

        assertThat(mail.text()).isEqualTo("See the video.");
        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.skipped()).containsExactly(new SkippedAttachment("unboxing.mp4", "video/mp4", big.length,
                "larger than 10485760 bytes"));
    }

    @Test
    void skipsAttachmentsBeyondTheMaximumCount() {
        var limits = new MailLimits(1024, 2, MailLimits.defaults().blockedAttachmentTypes(), 100);
        var body = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            body.append("--b\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename=\"f").append(i)
                    .append(".csv\"\r\n\r\na,b\r\n");
        }
        var mail = new MailParser(limits).parse(("From: ann@example.test\r\nContent-Type: multipart/mixed;"
                + " boundary=b\r\n\r\n" + body + "--b--\r\n").getBytes());

        assertThat(mail.attachments()).extracting(MailAttachment::filename).containsExactly("f1.csv", "f2.csv");
        assertThat(mail.skipped()).extracting(SkippedAttachment::reason).containsExactly("more than 2 attachments");
    }

    @Test
    void garbageIsAFailedParseThatKeepsTheRawBytes() {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);

        var mail = parser.parse(garbage);

        assertThat(mail.parseFailed()).isTrue();
        assertThat(mail.raw()).isSameAs(garbage);
        assertThat(mail.warnings()).isNotEmpty();
        assertThat(mail.text()).isEmpty();
    }

    @Test
    void nothingAtAllIsAFailedParseToo() {
        assertThat(parser.parse(new byte[0]).parseFailed()).isTrue();
        assertThat(parser.parse(null).parseFailed()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"../../etc/passwd|passwd", "C:\\Users\\ann\\invoice.pdf|invoice.pdf",
            "bad\u0007name\u202e.pdf|badname.pdf", "what?.txt|what_.txt", "...|attachment-1"})
    void sanitizesAttachmentFilenames(String raw, String expected) {
        var mail = parser.parse(("From: ann@example.test\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\""
                + raw.replace("\\", "\\\\") + "\"\r\n\r\nx\r\n--b--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(mail.attachments()).extracting(MailAttachment::filename).containsExactly(expected);
    }

    @Test
    void cutsOverlongFilenamesKeepingTheExtension() {
        String name = "a".repeat(300) + ".pdf";
        var mail = parser.parse(("From: ann@example.test\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"" + name
                + "\"\r\n\r\nx\r\n--b--\r\n").getBytes());

        assertThat(mail.attachments()).extracting(MailAttachment::filename)
                .containsExactly("a".repeat(196) + ".pdf");
        assertThat(List.of(mail.attachments().getFirst().filename().length())).containsExactly(200);
    }
}
