package dev.parley.assistant.internal;

import dev.parley.engine.runtime.BgeSmallEmbeddingModel;
import dev.parley.engine.runtime.OnnxTextEmbeddings;
import dev.parley.engine.runtime.TextEmbeddings;
import dev.parley.knowledge.KnowledgeArticle;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The small test knowledge base (src/test/resources/assistant) and the real embedding model, loaded once. */
public final class Fixtures {

    private static TextEmbeddings embeddings;

    private Fixtures() {
    }

    public static synchronized TextEmbeddings embeddings() {
        if (embeddings == null) {
            embeddings = new OnnxTextEmbeddings(new BgeSmallEmbeddingModel(), 10_000);
        }
        return embeddings;
    }

    public static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/assistant/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<KnowledgeArticle> articles() {
        try {
            List<KnowledgeArticle> articles = new ArrayList<>();
            JsonMapper json = JsonMapper.builder().build();
            for (String line : java.nio.file.Files.readAllLines(resource("kb.jsonl"))) {
                JsonNode node = json.readTree(line);
                List<String> examples = new ArrayList<>();
                node.get("examples").forEach(e -> examples.add(e.asString()));
                String id = node.get("id").asString();
                articles.add(new KnowledgeArticle(id, node.get("title").asString(), node.get("body").asString(),
                        null, List.of(), "en", examples, "/help/articles/" + id));
            }
            return articles;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
