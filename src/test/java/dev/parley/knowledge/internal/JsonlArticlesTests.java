package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonlArticlesTests {

    @Test
    void readsTheSharedDatasetFormat() throws Exception {
        Path file = Path.of("/work/shared/datasets/banking77/kb-10shot.jsonl");
        String text = Files.exists(file) ? Files.readString(file) : """
                {"id": "card_arrival", "title": "Card arrival", "body": "Answer for: Card arrival", "examples": ["a", "b"]}
                """;
        List<ArticleDraft> drafts = JsonlArticles.read(source(text));
        assertThat(drafts).isNotEmpty().allSatisfy(d -> {
            assertThat(d.id()).isNotBlank();
            assertThat(d.examples()).isNotEmpty();
        });
    }

    @Test
    void readsOptionalMetadataAndSkipsBlankLines() {
        List<ArticleDraft> drafts = JsonlArticles.read(source("""
                {"id":"a","title":"A","body":"Body","category":"orders","tags":["x"],"locale":"de","status":"draft"}

                {"id":"b","title":"B","body":"","examples":[]}
                """));
        assertThat(drafts).hasSize(2);
        assertThat(drafts.getFirst().status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(drafts.getFirst().locale()).isEqualTo("de");
        assertThat(drafts.get(1).body()).isEmpty();
    }

    @Test
    void namesTheLineOfInvalidJson() {
        assertFailsOnLine("{\"id\":\"a\",\"title\":\"A\",\"body\":\"x\"}\n{\"id\":\"b\",\"title\":", 2, "not valid JSON");
    }

    @Test
    void namesTheLineOfAMissingOrMistypedField() {
        assertFailsOnLine("{\"id\":\"a\",\"title\":\"A\",\"body\":\"x\"}\n\n{\"id\":\"b\",\"body\":\"x\"}", 3, "'title' is required");
        assertFailsOnLine("{\"id\":\"a\",\"title\":\"A\",\"body\":\"x\",\"examples\":\"one\"}", 1, "array of strings");
        assertFailsOnLine("{\"id\":\"a/b\",\"title\":\"A\",\"body\":\"x\"}", 1, "id must be");
        assertFailsOnLine("[1,2]", 1, "expected a JSON object");
    }

    @Test
    void refusesADuplicateIdNamingBothLines() {
        assertFailsOnLine("{\"id\":\"a\",\"title\":\"A\",\"body\":\"x\"}\n{\"id\":\"a\",\"title\":\"B\",\"body\":\"y\"}", 2,
                "already appears on line 1");
    }

    private static void assertFailsOnLine(String text, int line, String message) {
        assertThatThrownBy(() -> JsonlArticles.read(source(text)))
                .isInstanceOfSatisfying(ImportFailed.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.file()).isEqualTo("kb.jsonl");
                })
                .hasMessageContaining(message)
                .hasMessageContaining("line " + line);
    }

    private static ImportSource source(String text) {
        return new ImportSource("kb.jsonl", text.getBytes(StandardCharsets.UTF_8));
    }
}
