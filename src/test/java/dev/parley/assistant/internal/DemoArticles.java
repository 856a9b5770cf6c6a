package dev.parley.assistant.internal;

import dev.parley.knowledge.KnowledgeArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The demo knowledge base (Northwind Outfitters) as the assistant sees it, read from its Markdown files. */
public final class DemoArticles {

    private DemoArticles() {
    }

    public static List<KnowledgeArticle> all() {
        try {
            List<KnowledgeArticle> articles = new ArrayList<>();
            for (Resource file : new PathMatchingResourcePatternResolver()
                    .getResources("classpath:demo/knowledge/*.md")) {
                articles.add(parse(file.getFilename().replace(".md", ""),
                        file.getContentAsString(StandardCharsets.UTF_8)));
            }
            return articles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static KnowledgeArticle parse(String id, String markdown) {
        String[] parts = markdown.split("(?m)^---\\s*$", 3);
        Map<String, Object> front = new Yaml(new SafeConstructor(new LoaderOptions())).load(parts[1]);
        List<String> examples = (List<String>) front.getOrDefault("examples", List.of());
        return new KnowledgeArticle(id, (String) front.get("title"), parts[2].strip(), (String) front.get("category"),
                List.of(), "en", examples, "/help/articles/" + id);
    }
}
