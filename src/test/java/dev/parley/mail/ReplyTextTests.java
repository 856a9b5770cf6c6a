package dev.parley.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of replies as clients write them (src/test/resources/mail/replies/&lt;client&gt;-&lt;lang&gt;-&lt;n&gt;.txt),
 * each with the text a person would say is new ({@code .expected.txt}).
 */
class ReplyTextTests {

    static Stream<String> corpus() throws IOException, URISyntaxException {
        Path folder = Path.of(ReplyTextTests.class.getResource("/mail/replies").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".txt") && !name.endsWith(".expected.txt"))
                    .map(name -> name.substring(0, name.length() - ".txt".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void keepsOnlyWhatTheCustomerJustWrote(String fixture) throws IOException, URISyntaxException {
        String reply = read(fixture + ".txt");
        String expected = read(fixture + ".expected.txt").strip();

        assertThat(ReplyText.visible(reply)).isEqualTo(expected);
        assertThat(ReplyText.visible(reply.replace("\n", "\r\n"))).isEqualTo(expected);
    }

    @Test
    void theCorpusCoversEveryClientInEveryLanguage() throws IOException, URISyntaxException {
        var names = corpus().toList();

        assertThat(names).hasSizeGreaterThanOrEqualTo(24);
        for (String client : new String[] {"gmail", "outlook", "outlookweb", "applemail", "thunderbird", "iphone"}) {
            for (String language : new String[] {"en", "de", "fr"}) {
                assertThat(names).anyMatch(name -> name.startsWith(client + "-" + language + "-"));
            }
        }
    }

    @Test
    void stripsTheHistoryOfHtmlMailsAfterConversion() throws IOException {
        var parser = new MailParser(MailLimits.defaults());
        var outlook = parser.parse(MailParserTests.eml("outlook-html-windows-1252"));
        var gmailHtmlOnly = parser.parse(("From: ann@example.test\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
                + "<div>Size L, please.</div><div class=\"gmail_quote\">On Wed, Dec 2, 2026 at 4:15 PM Acme <a href="
                + "\"mailto:s@acme.test\">s@acme.test</a> wrote:<br><blockquote>Which size?<br>Acme</blockquote></div>")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(ReplyText.visible(outlook.text())).endsWith("Grüße\nPetra Schmidt").doesNotContain("Von:");
        assertThat(ReplyText.visible(gmailHtmlOnly.text())).isEqualTo("Size L, please.");
    }

    @Test
    void leavesBlankAndMissingTextAlone() {
        assertThat(ReplyText.visible(null)).isEmpty();
        assertThat(ReplyText.visible("  \n")).isEqualTo("  \n");
    }

    private static String read(String name) throws IOException, URISyntaxException {
        return Files.readString(Path.of(ReplyTextTests.class.getResource("/mail/replies/" + name).toURI()),
                StandardCharsets.UTF_8);
    }
}
