package dev.parley.engine.scoring;

import dev.parley.engine.runtime.BgeSmallEmbeddingModel;
import dev.parley.engine.runtime.OnnxTextEmbeddings;
import dev.parley.engine.runtime.TextEmbeddings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's small test knowledge base (src/test/resources/assistant/kb.jsonl, on this module's test class
 * path as well) and the real embedding model, loaded once.
 */
final class TestKnowledge {

    /** An article as the engine sees it. */
    record Article(String id, String title, String body, List<String> examples) implements TrainingArticle {
    }

    private static TextEmbeddings embeddings;

    private TestKnowledge() {
    }

    static synchronized TextEmbeddings embeddings() {
        if (embeddings == null) {
            embeddings = new OnnxTextEmbeddings(new BgeSmallEmbeddingModel(), 10_000);
        }
        return embeddings;
    }

    static List<Article> articles() {
        try (InputStream in = TestKnowledge.class.getResourceAsStream("/assistant/kb.jsonl")) {
            List<Article> articles = new ArrayList<>();
            JsonMapper json = JsonMapper.builder().build();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                List<String> examples = new ArrayList<>();
                node.get("examples").forEach(e -> examples.add(e.asString()));
                articles.add(new Article(node.get("id").asString(), node.get("title").asString(),
                        node.get("body").asString(), examples));
            }
            return articles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
