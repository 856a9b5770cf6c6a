package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvArticlesTests {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        List<ArticleDraft> drafts = CsvArticles.read(source(
                "question,answer\r\n"
                + "\"Do you ship to Canada, too?\",\"Yes. \"\"Express\"\" takes 3 days.\r\nStandard takes 7.\"\r\n"
                + "Plain question?,Plain answer\r\n"));
        assertThat(drafts).hasSize(2);
        ArticleDraft first = drafts.getFirst();
        assertThat(first.title()).isEqualTo("Do you ship to Canada, too?");
        assertThat(first.body()).isEqualTo("Yes. \"Express\" takes 3 days.\r\nStandard takes 7.");
        assertThat(first.examples()).containsExactly("Do you ship to Canada, too?");
        assertThat(first.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(drafts.get(1).title()).isEqualTo("Plain question?");
    }

    @Test
    void derivesTheSameIdFromTheSameQuestion() {
        String a = CsvArticles.read(source("Where is my order?,Here.")).getFirst().id();
        String b = CsvArticles.read(source("Where is my order?,Somewhere else.")).getFirst().id();
        String c = CsvArticles.read(source("Where is my parcel?,Here.")).getFirst().id();
        assertThat(a).isEqualTo(b).startsWith("where-is-my-order-").isNotEqualTo(c);
    }

    @Test
    void readsAFileWithoutHeaderOrFinalLineBreak() {
        assertThat(CsvArticles.read(source("q1,a1\nq2,a2"))).hasSize(2);
    }

    @Test
    void namesTheLineOfARowWithTheWrongNumberOfFields() {
        // the quoted answer of row 2 spans two lines, so the broken row starts on line 4
        assertFailsOnLine("question,answer\nq1,\"a\nb\"\nq2,a2,extra\n", 4, "expected 2 fields");
        assertFailsOnLine("q1,a1\nonly a question\n", 2, "found 1");
    }

    @Test
    void namesTheLineOfBrokenQuotingAndEmptyFields() {
        assertFailsOnLine("q1,a1\nq2,\"never closed\n", 2, "never closed");
        assertFailsOnLine("q1,a\"b\n", 1, "quote");
        assertFailsOnLine("q1,a1\n,a2\n", 2, "must not be empty");
        assertFailsOnLine("q1,a1\nQ1,again\n", 2, "already on line 1");
    }

    @Test
    void readsTheSemicolonsAndTabsSpreadsheetProgramsWriteWhenCommasDoNotSplitEveryRow() {
        List<ArticleDraft> semicolons = CsvArticles.read(source(
                "question;answer\r\nVersendet ihr nach Kanada, Mexiko?;Ja, in 7 Tagen.\r\n\"Geht \"\"Express\"\"?\";\"Ja; 3 Tage.\"\r\n"));
        assertThat(semicolons).extracting(ArticleDraft::title)
                .containsExactly("Versendet ihr nach Kanada, Mexiko?", "Geht \"Express\"?");
        assertThat(semicolons).extracting(ArticleDraft::body).containsExactly("Ja, in 7 Tagen.", "Ja; 3 Tage.");
        assertThat(CsvArticles.read(source("q1\ta1\nq2\ta, with a comma\n"))).extracting(ArticleDraft::body)
                .containsExactly("a1", "a, with a comma");
        assertFailsOnLine("q1;a1\nq2;a2;extra\n", 1, "expected 2 fields");
    }

    @Test
    void refusesTextThatIsNotUtf8InsteadOfMangingIt() {
        byte[] latin1 = "question,answer\nO\u00f9 est ma commande ?,Elle arrive demain.\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CsvArticles.read(new ImportSource("faq.csv", latin1)))
                .isInstanceOfSatisfying(ImportFailed.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("faq.csv line 2: the file is not UTF-8 text: save it as UTF-8");
        byte[] utf8WithBom = "\uFEFFO\u00f9 est ma commande ?,Elle arrive demain.".getBytes(StandardCharsets.UTF_8);
        assertThat(CsvArticles.read(new ImportSource("faq.csv", utf8WithBom)).getFirst().title())
                .isEqualTo("O\u00f9 est ma commande ?");
    }

    private static void assertFailsOnLine(String text, int line, String message) {
        assertThatThrownBy(() -> CsvArticles.read(source(text)))
                .isInstanceOfSatisfying(ImportFailed.class, e -> assertThat(e.line()).isEqualTo(line))
                .hasMessageContaining(message);
    }

    private static ImportSource source(String text) {
        return new ImportSource("faq.csv", text.getBytes(StandardCharsets.UTF_8));
    }
}
