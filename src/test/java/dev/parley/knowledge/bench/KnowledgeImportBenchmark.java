package dev.parley.knowledge.bench;

import dev.parley.knowledge.Eventually;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.internal.Articles.ImportOutcome;
import dev.parley.knowledge.internal.ImportFormat;
import dev.parley.knowledge.internal.ImportSource;
import dev.parley.knowledge.internal.KnowledgeImports;
import dev.parley.knowledge.internal.KnowledgeIndexer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Import + index of a JSONL knowledge base through the real application (target: CLINC150 full, 15,000
 * examples, in under 2 minutes). Not a test: run it with {@code bench/knowledge-import.sh}.
 */
@Tag("benchmark")
@SpringBootTest(properties = "parley.knowledge.demo-content=false")
class KnowledgeImportBenchmark {

    @DynamicPropertySource
    static void ownIndex(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/bench-import-" + UUID.randomUUID());
    }

    @Autowired
    KnowledgeImports imports;

    @Autowired
    KnowledgeIndexer indexer;

    @Autowired
    KnowledgeBase knowledge;

    @Test
    void importAndIndex() throws Exception {
        Path file = Path.of(System.getProperty("bench.file", "/work/shared/datasets/clinc150/kb-full.jsonl"));
        byte[] content = Files.readAllBytes(file);
        long start = System.nanoTime();
        ImportOutcome outcome = imports.importFiles(ImportFormat.JSONL,
                List.of(new ImportSource(file.getFileName().toString(), content)));
        long imported = System.nanoTime();
        Eventually.within(Duration.ofMinutes(10), "the import is indexed", () -> indexer.indexedVersion() >= outcome.version());
        long indexed = System.nanoTime();
        System.out.printf("%nBENCH knowledge-import file=%s articles=%d examples=%d import_ms=%d import_and_index_ms=%d%n",
                file, outcome.created() + outcome.updated(), outcome.examples(), (imported - start) / 1_000_000,
                (indexed - start) / 1_000_000);
        System.out.println("BENCH sample search: " + knowledge.search("how do I say thank you in french", 3));
    }
}
