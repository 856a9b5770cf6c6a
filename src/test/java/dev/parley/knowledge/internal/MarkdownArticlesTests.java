package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class MarkdownArticlesTests {

    @Test
    void readsFrontMatterAndBody() {
        ArticleDraft d = MarkdownArticles.read(source("returns.md", """
                ---
                title: "Return policy"
                category: returns
                tags: [returns, policy]
                locale: en-GB
                status: draft
                examples:
                  - can I return this
                  - "how long do I have: 30 days?"
                ---

                You have **30 days**.
                """));
        assertThat(d.id()).isEqualTo("returns");
        assertThat(d.title()).isEqualTo("Return policy");
        assertThat(d.tags()).containsExactly("returns", "policy");
        assertThat(d.locale()).isEqualTo("en-GB");
        assertThat(d.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(d.examples()).containsExactly("can I return this", "how long do I have: 30 days?");
        assertThat(d.body()).isEqualTo("You have **30 days**.");
    }

    @Test
    void takesTheTitleFromTheFirstHeadingWithoutFrontMatter() {
        ArticleDraft d = MarkdownArticles.read(source("My Guide.md", "\n# Sizing guide\n\nBoots run small.\n"));
        assertThat(d.title()).isEqualTo("Sizing guide");
        assertThat(d.body()).isEqualTo("Boots run small.");
        assertThat(d.id()).isEqualTo("my-guide");
    }

    @Test
    void namesTheLineOfInvalidFrontMatter() {
        assertThatThrownBy(() -> MarkdownArticles.read(source("bad.md", "---\ntitle: ok\nexamples: [unclosed\n---\nbody")))
                .isInstanceOfSatisfying(ImportFailed.class, e -> {
                    assertThat(e.file()).isEqualTo("bad.md");
                    assertThat(e.line()).isBetween(3, 5);
                })
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> MarkdownArticles.read(source("open.md", "---\ntitle: never closed\n")))
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> MarkdownArticles.read(source("notitle.md", "---\ncategory: x\n---\n\nJust text.")))
                .isInstanceOfSatisfying(ImportFailed.class, e -> assertThat(e.line()).isEqualTo(5))
                .hasMessageContaining("no title");
        assertThatThrownBy(() -> MarkdownArticles.read(source("s.md", "---\ntitle: t\nstatus: archived\n---\nx")))
                .hasMessageContaining("status");
    }

    @Test
    void refusesTwoFilesWithTheSameId() {
        assertThatThrownBy(() -> MarkdownArticles.read(List.of(source("a.md", "---\nid: same\ntitle: A\n---\nx"),
                source("b.md", "---\nid: same\ntitle: B\n---\ny"))))
                .hasMessageContaining("also used by a.md");
    }

    @Test
    void theDemoKnowledgeBaseIsComplete() throws Exception {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources(StartupContent.DEMO);
        List<ImportSource> sources = new java.util.ArrayList<>();
        for (Resource f : files) {
            sources.add(new ImportSource(f.getFilename(), f.getContentAsByteArray()));
        }
        List<ArticleDraft> demo = MarkdownArticles.read(sources);
        assertThat(demo).hasSizeBetween(20, 30).allSatisfy(d -> {
            assertThat(d.examples()).hasSizeBetween(5, 10);
            assertThat(d.category()).isNotBlank();
            assertThat(d.body()).hasSizeGreaterThan(200);
        });
        assertThat(demo).extracting(ArticleDraft::category)
                .contains("orders", "shipping", "returns", "refunds", "billing", "account");
    }

    private static ImportSource source(String name, String text) {
        return new ImportSource(name, text.getBytes(StandardCharsets.UTF_8));
    }
}
