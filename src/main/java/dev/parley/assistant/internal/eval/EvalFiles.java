package dev.parley.assistant.internal.eval;

import dev.parley.knowledge.KnowledgeArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the eval command's JSON-lines files: KB articles and labelled questions. */
final class EvalFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EvalFiles() {
    }

    /** {@code {"id","title","body","examples":[...]}} per line. */
    static List<KnowledgeArticle> articles(Path file) {
        List<KnowledgeArticle> articles = new ArrayList<>();
        for (JsonNode node : lines(file)) {
            String id = required(node, "id", file);
            List<String> examples = new ArrayList<>();
            if (node.hasNonNull("examples")) {
                node.get("examples").forEach(e -> examples.add(e.asString()));
            }
            articles.add(new KnowledgeArticle(id, node.path("title").asString(id), node.path("body").asString(""),
                    node.path("category").asString(null), List.of(), "en", examples, "/help/articles/" + id));
        }
        return articles;
    }

    /** {@code {"question", "expected": <article id> | null}} per line. */
    static List<LabelledQuestion> questions(Path file) {
        List<LabelledQuestion> questions = new ArrayList<>();
        for (JsonNode node : lines(file)) {
            JsonNode expected = node.get("expected");
            questions.add(new LabelledQuestion(required(node, "question", file),
                    expected == null || expected.isNull() ? null : expected.asString()));
        }
        return questions;
    }

    private static String required(JsonNode node, String field, Path file) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(file + ": a line has no \"" + field + "\"");
        }
        return value.asString();
    }

    private static List<JsonNode> lines(Path file) {
        try {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    nodes.add(JSON.readTree(line));
                }
            }
            return nodes;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static void write(Path file, Object value) {
        writeText(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n");
    }

    /** One JSON object per line. */
    static void writeLines(Path file, List<?> values) {
        StringBuilder text = new StringBuilder();
        values.forEach(value -> text.append(JSON.writeValueAsString(value)).append('\n'));
        writeText(file, text.toString());
    }

    private static void writeText(Path file, String text) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    record LabelledQuestion(String question, String expected) {

        boolean inScope() {
            return expected != null;
        }
    }
}
