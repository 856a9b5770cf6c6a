package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ParleyApplication;
import dev.parley.knowledge.Eventually;
import dev.parley.knowledge.KnowledgeBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application twice on the same database and data folder, changing things in between. */
class KnowledgeIndexRebuildTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir = Path.of("target", "knowledge-rebuild-" + UUID.randomUUID());
    private final String id = "rebuild-" + UUID.randomUUID().toString().substring(0, 8);
    // A database of its own: closing a context closes the connection that created the shared database's
    // tables, and H2 2.4.240 then fails inserts into tables with CHECK constraints for every later test.
    private final String database = "jdbc:h2:mem:knowledge-rebuild-" + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @Test
    void rebuildsTheIndexFromTheDatabaseWhenTheIndexFolderIsDeleted() throws Exception {
        try (var app = start()) {
            app.getBean(Articles.class).importAll(List.of(draft("Frobnicator warranty", "Two years on frobnicators.")));
            awaitFound(app, "frobnicator", "Frobnicator warranty");
        }
        deleteRecursively(dataDir.resolve("index"));

        try (var app = start()) {
            awaitFound(app, "frobnicator", "Frobnicator warranty");
            // The indexer records its version just after the commit that searches already see.
            KnowledgeIndexer indexer = app.getBean(KnowledgeIndexer.class);
            long version = app.getBean(KnowledgeBase.class).version();
            Eventually.within(TIMEOUT, "the indexed version reaches " + version,
                    () -> indexer.indexedVersion() == version);
        }
    }

    @Test
    void rebuildsAStaleIndexWhenTheDatabaseChangedWhileTheApplicationWasDown() throws Exception {
        try (var app = start()) {
            app.getBean(Articles.class).importAll(List.of(draft("Snorkel rental", "Snorkels rent for $5 a day.")));
            awaitFound(app, "snorkel", "Snorkel rental");
        }
        // Another node (or a restore) changed the database behind this node's back.
        try (Connection db = DriverManager.getConnection(database, "sa", "")) {
            db.createStatement().executeUpdate("UPDATE knowledge_article SET title = 'Snorkel hire' WHERE id = '" + id + "'");
            db.createStatement().executeUpdate("UPDATE knowledge_version SET version = version + 1 WHERE id = 1");
        }

        try (var app = start()) {
            awaitFound(app, "snorkel", "Snorkel hire");
        }
    }

    @Test
    void followsChangesAgainAfterTheApplicationIsStoppedAndStarted() throws Exception {
        try (var app = start()) {
            app.getBean(Articles.class).importAll(List.of(draft("Kayak rental", "Kayaks rent for $20 a day.")));
            awaitFound(app, "kayak", "Kayak rental");
            app.stop();
            app.start();
            app.getBean(Articles.class).importAll(List.of(draft("Kayak hire", "Kayaks rent for $20 a day.")));
            awaitFound(app, "kayak", "Kayak hire");
        }
    }

    private void awaitFound(ConfigurableApplicationContext app, String query, String title) {
        KnowledgeBase knowledge = app.getBean(KnowledgeBase.class);
        Eventually.within(TIMEOUT, "'" + query + "' finds '" + title + "'", () -> knowledge.search(query, 50).stream()
                .anyMatch(h -> h.articleId().equals(id) && h.title().equals(title)));
    }

    private ArticleDraft draft(String title, String body) {
        return new ArticleDraft(id, title, body, null, List.of(), null, ArticleStatus.PUBLISHED, List.of());
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments outrank the system properties surefire sets for every test.
        return new SpringApplicationBuilder(ParleyApplication.class)
                .run("--parley.data-dir=" + dataDir, "--server.port=0", "--parley.knowledge.demo-content=false",
                        "--spring.datasource.url=" + database);
    }

    private static void deleteRecursively(Path path) throws Exception {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertThat(path).doesNotExist();
    }
}
