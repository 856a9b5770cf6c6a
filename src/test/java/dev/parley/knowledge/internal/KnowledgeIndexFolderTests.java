package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeIndexFolderTests {

    @TempDir
    Path folder;

    @Test
    void remembersTheCommittedVersionAndEpoch() throws Exception {
        try (KnowledgeIndex index = new KnowledgeIndex(folder)) {
            index.replace("a", List.of(doc("a")));
            index.commit(7, "epoch-1");
        }
        try (KnowledgeIndex index = new KnowledgeIndex(folder)) {
            assertThat(index.commitData()).containsEntry(KnowledgeIndex.VERSION, "7").containsEntry(KnowledgeIndex.EPOCH, "epoch-1");
            assertThat(count(index)).isEqualTo(1);
        }
    }

    @Test
    void dropsChangesThatWereNeverCommitted() throws Exception {
        try (KnowledgeIndex index = new KnowledgeIndex(folder)) {
            index.replace("a", List.of(doc("a")));
            index.commit(1, "e");
            index.clear();
        }
        try (KnowledgeIndex index = new KnowledgeIndex(folder)) {
            assertThat(count(index)).as("a half-done rebuild is not kept").isEqualTo(1);
        }
    }

    @Test
    void servesFromMemoryWhenAnotherWriterHoldsTheFolder() throws Exception {
        try (KnowledgeIndex first = new KnowledgeIndex(folder); KnowledgeIndex second = new KnowledgeIndex(folder)) {
            second.replace("b", List.of(doc("b")));
            second.commit(1, "e");
            assertThat(count(second)).isEqualTo(1);
            assertThat(count(first)).isZero();
        }
    }

    @Test
    void replacesAnUnreadableIndexWithAnEmptyOne() throws Exception {
        try (KnowledgeIndex index = new KnowledgeIndex(folder)) {
            index.replace("a", List.of(doc("a")));
            index.commit(3, "e");
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(file, new byte[] {1, 2, 3});
            }
        }
        try (KnowledgeIndex index = new KnowledgeIndex(folder)) {
            assertThat(index.commitData()).doesNotContainKey(KnowledgeIndex.VERSION);
        }
    }

    private static int count(KnowledgeIndex index) {
        return index.search(s -> s.getIndexReader().numDocs());
    }

    private static Document doc(String article) {
        Document doc = new Document();
        doc.add(new StringField(ArticleDocuments.ARTICLE, article, Field.Store.YES));
        return doc;
    }
}
