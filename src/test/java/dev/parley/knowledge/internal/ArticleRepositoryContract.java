package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** What the article repository must do on every database it supports; subclasses pick the database. */
abstract class ArticleRepositoryContract {

    @Autowired
    ArticleRepository repository;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    SiteRepository sites;

    @Autowired
    ArticleChangeLog changeLog;

    @Autowired
    EmbeddingStore embeddings;

    @Autowired
    GeneratedExampleRepository generated;

    private final String prefix = "repo-" + UUID.randomUUID().toString().substring(0, 8);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void storesAndLoadsAnArticleWithTagsAndExamplesInOrder() {
        Article article = article(prefix + "-a", "Ünïcode title ✓", ArticleStatus.PUBLISHED,
                List.of("zebra", "apple"), List.of("second phrasing", "first phrasing", "third"));
        tx.executeWithoutResult(s -> repository.save(List.of(article), Set.of()));

        Article loaded = repository.find(article.id()).orElseThrow();
        assertThat(loaded.title()).isEqualTo("Ünïcode title ✓");
        assertThat(loaded.examples()).containsExactly("second phrasing", "first phrasing", "third");
        assertThat(loaded.tags()).containsExactly("apple", "zebra");
        assertThat(loaded.createdAt()).isEqualTo(now);
        assertThat(loaded.status()).isEqualTo(ArticleStatus.PUBLISHED);
    }

    @Test
    void overwritesAnExistingArticleAndItsChildren() {
        String id = prefix + "-b";
        tx.executeWithoutResult(s -> repository.save(List.of(article(id, "Old", ArticleStatus.PUBLISHED,
                List.of("old"), List.of("old one", "old two"))), Set.of()));
        tx.executeWithoutResult(s -> repository.save(List.of(article(id, "New", ArticleStatus.DRAFT,
                List.of("new"), List.of("new one"))), repository.existing(List.of(id)).keySet()));

        Article loaded = repository.find(id).orElseThrow();
        assertThat(loaded.title()).isEqualTo("New");
        assertThat(loaded.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(loaded.examples()).containsExactly("new one");
        assertThat(loaded.tags()).containsExactly("new");
        assertThat(repository.publishedIds()).doesNotContain(id);
    }

    @Test
    void appendsExamplesAndDeletesWithChildren() {
        String id = prefix + "-c";
        tx.executeWithoutResult(s -> repository.save(List.of(article(id, "Title", ArticleStatus.PUBLISHED,
                List.of("t"), List.of("one"))), Set.of()));
        tx.executeWithoutResult(s -> repository.addExample(id, "two", now));
        assertThat(repository.find(id).orElseThrow().examples()).containsExactly("one", "two");

        assertThat(repository.delete(id)).isTrue();
        assertThat(repository.find(id)).isEmpty();
        assertThat(repository.delete(id)).isFalse();
    }

    @Test
    void listsPagesFilteredByTextAndStatus() {
        for (int i = 0; i < 5; i++) {
            ArticleStatus status = i % 2 == 0 ? ArticleStatus.PUBLISHED : ArticleStatus.DRAFT;
            Article a = article(prefix + "-list-" + i, "Needle_%" + prefix + " " + i, status, List.of(), List.of());
            tx.executeWithoutResult(s -> repository.save(List.of(a), Set.of()));
        }
        String needle = "needle_%" + prefix;
        assertThat(repository.count(needle, null)).isEqualTo(5);
        assertThat(repository.count(needle, ArticleStatus.PUBLISHED)).isEqualTo(3);
        assertThat(repository.count("needle__" + prefix, null)).as("LIKE wildcards are escaped").isZero();
        assertThat(repository.list(needle, null, 0, 2)).hasSize(2);
        assertThat(repository.list(needle, null, 4, 2)).hasSize(1);
        assertThat(repository.byIds(List.of(prefix + "-list-0", prefix + "-list-4", "missing"))).hasSize(2);
    }

    @Test
    void incrementsTheVersionAndKeepsOneEpoch() {
        long before = repository.version();
        long next = tx.execute(s -> repository.nextVersion());
        assertThat(next).isEqualTo(before + 1);
        assertThat(repository.epoch()).isNotBlank().isEqualTo(repository.epoch());
    }

    @Test
    void keepsWhereAnImportedArticleCameFromAndChangesStatusesInBulk() {
        Article imported = new Article(prefix + "-src", "Imported", "Body", null, List.of(), "en", ArticleStatus.PUBLISHED,
                List.of(), now, now, "https://help.example/page#part");
        Article other = article(prefix + "-other", "Other", ArticleStatus.DRAFT, List.of(), List.of());
        tx.executeWithoutResult(s -> repository.save(List.of(imported, other), Set.of()));
        assertThat(repository.find(imported.id()).orElseThrow().source()).isEqualTo("https://help.example/page#part");

        List<String> changed = tx.execute(s -> repository.changeStatus(List.of(imported.id(), other.id()),
                ArticleStatus.DRAFT, now.plusSeconds(5)));
        assertThat(changed).containsExactly(imported.id());
        assertThat(repository.find(imported.id()).orElseThrow().status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(repository.find(imported.id()).orElseThrow().updatedAt()).isEqualTo(now.plusSeconds(5));
    }

    @Test
    void queuesASiteOnceAndKeepsItsPagesAndProgress() {
        String id = UUID.randomUUID().toString();
        sites.insert(new Site(id, "https://help.example/" + prefix, Site.State.IDLE, 0, 0, 0, 0, null, null, null, now));
        assertThat(sites.queue(id)).isTrue();
        assertThat(sites.queue(id)).isFalse();
        sites.started(id);
        sites.progress(id, 10, 4, 1);
        assertThat(sites.find(id).orElseThrow()).satisfies(site -> {
            assertThat(site.state()).isEqualTo(Site.State.RUNNING);
            assertThat(site.percent()).isEqualTo(40);
        });
        assertThat(sites.resetInterrupted(now)).isGreaterThanOrEqualTo(1);
        assertThat(sites.due(now.plusSeconds(1))).contains(id);

        List<SitePage> pages = List.of(
                new SitePage("https://help.example/a", SitePage.Status.OK, null, "hash-a", List.of("a-1", "a-2"), now),
                new SitePage("https://help.example/b", SitePage.Status.FAILED, "answered 500", null, List.of(), now));
        tx.executeWithoutResult(s -> sites.replacePages(id, pages));
        assertThat(sites.pages(id)).containsExactlyElementsOf(pages);
        sites.finished(id, 2, null, now, now.plusSeconds(3600));
        assertThat(sites.due(now.plusSeconds(60))).doesNotContain(id);
        assertThat(sites.delete(id)).isTrue();
        assertThat(sites.pages(id)).isEmpty();
    }

    @Test
    void recordsWhichVersionChangedOrRemovedEachArticle() {
        // Versions far above any other test's, so the shared database's other rows stay out of the answers.
        long base = 1_000_000_000L + (System.nanoTime() & 0xFFFFFF) * 10;
        String kept = prefix + "-kept";
        String edited = prefix + "-edited";
        String deleted = prefix + "-deleted";
        tx.executeWithoutResult(s -> {
            repository.save(List.of(article(kept, "Kept", ArticleStatus.PUBLISHED, List.of(), List.of()),
                    article(edited, "Edited", ArticleStatus.PUBLISHED, List.of(), List.of()),
                    article(deleted, "Deleted", ArticleStatus.PUBLISHED, List.of(), List.of())), Set.of());
            changeLog.changed(List.of(kept, edited, deleted), base + 1);
        });
        tx.executeWithoutResult(s -> changeLog.changed(List.of(edited), base + 2));
        tx.executeWithoutResult(s -> {
            repository.delete(deleted);
            changeLog.changed(List.of(deleted), base + 3);
        });

        assertThat(changeLog.changedSince(base)).containsExactlyInAnyOrder(kept, edited, deleted);
        assertThat(changeLog.changedSince(base + 1)).containsExactlyInAnyOrder(edited, deleted);
        assertThat(changeLog.changedSince(base + 2)).containsExactly(deleted);
        assertThat(changeLog.changedSince(base + 3)).isEmpty();

        // Deleted again later (recreated in between): one removal row, the latest version.
        tx.executeWithoutResult(s -> changeLog.changed(List.of(deleted), base + 4));
        assertThat(changeLog.changedSince(base + 3)).containsExactly(deleted);
    }

    @Test
    void storesAnEmbeddingOncePerModelAndTextAndReadsItBackExactly() {
        String text = "Where is my parcel? " + prefix;
        float[] vector = {0.25f, -1.5f, Float.MIN_VALUE, 3.0e-8f};
        embeddings.save("model-a", java.util.Map.of(text, vector));
        // Another node stores the same text at the same time: the first vector stays, nothing fails.
        embeddings.save("model-a", java.util.Map.of(text, new float[] {9f, 9f, 9f, 9f}));

        assertThat(embeddings.find("model-a", List.of(text, "never embedded " + prefix, text)))
                .containsOnlyKeys(text).hasEntrySatisfying(text, v -> assertThat(v).containsExactly(vector));
        assertThat(embeddings.find("model-b", List.of(text))).as("another model's vectors are not ours").isEmpty();
    }

    @Test
    void pagesThroughArticlesWithoutExamplesAndKeepsTheModelsLastFailureUntilQuestionsAreStored() {
        tx.executeWithoutResult(s -> repository.save(List.of(
                article(prefix + "-c", "Third", ArticleStatus.PUBLISHED, List.of(), List.of()),
                article(prefix + "-a", "First", ArticleStatus.PUBLISHED, List.of(), List.of()),
                article(prefix + "-b", "Own examples", ArticleStatus.PUBLISHED, List.of(), List.of("mine")),
                article(prefix + "-d", "Draft", ArticleStatus.DRAFT, List.of(), List.of()),
                article(prefix + "-e", "Fifth", ArticleStatus.PUBLISHED, List.of(), List.of())), Set.of()));
        List<String> seen = new java.util.ArrayList<>();
        String after = "";
        for (var page = generated.withoutOwnExamples(after, 2); !page.isEmpty();
                page = generated.withoutOwnExamples(after, 2)) {
            assertThat(page).hasSizeLessThanOrEqualTo(2);
            page.stream().map(GeneratedExampleRepository.ArticleContent::id).filter(id -> id.startsWith(prefix))
                    .forEach(seen::add);
            after = page.getLast().id();
        }
        assertThat(seen).containsExactly(prefix + "-a", prefix + "-c", prefix + "-e");

        String id = prefix + "-a";
        tx.executeWithoutResult(s -> generated.recordFailure(new GeneratedExampleRepository.Failure(id, "h1", 1,
                "provider answered HTTP 400", now, now.plusSeconds(900))));
        tx.executeWithoutResult(s -> generated.recordFailure(new GeneratedExampleRepository.Failure(id, "h1", 2,
                "provider answered HTTP 400", now, now.plusSeconds(1800))));
        assertThat(generated.failure(id)).hasValue(new GeneratedExampleRepository.Failure(id, "h1", 2,
                "provider answered HTTP 400", now, now.plusSeconds(1800)));
        assertThat(generated.failures()).containsKey(id);

        tx.executeWithoutResult(s -> generated.replace(id, "h2", List.of("Where is the first?"), now));
        assertThat(generated.failure(id)).isEmpty();
        assertThat(generated.hashes()).containsEntry(id, "h2");
    }

    private Article article(String id, String title, ArticleStatus status, List<String> tags, List<String> examples) {
        return new Article(id, title, "Body of " + title, "orders", tags, "en", status, examples, now, now);
    }
}
