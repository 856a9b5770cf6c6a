package dev.parley.knowledge.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON Lines: one article per line, {@code {"id","title","body","examples":[...]}}, optionally with
 * category, tags, locale and status. Blank lines are skipped; the first problem stops the import with its line.
 */
final class JsonlArticles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonlArticles() {
    }

    static List<ArticleDraft> read(ImportSource source) {
        String[] lines = source.text().split("\r?\n", -1);
        List<ArticleDraft> drafts = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        ImportProgress progress = new ImportProgress("Reading " + source.name(), lines.length);
        for (int i = 0; i < lines.length; i++) {
            progress.at(i + 1);
            if (lines[i].isBlank()) {
                continue;
            }
            int line = i + 1;
            ArticleDraft draft = parse(source.name(), line, lines[i]);
            Integer earlier = seen.putIfAbsent(draft.id(), line);
            if (earlier != null) {
                throw new ImportFailed(source.name(), line, "id '" + draft.id() + "' already appears on line " + earlier);
            }
            drafts.add(draft);
        }
        return drafts;
    }

    private static ArticleDraft parse(String file, int line, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new ImportFailed(file, line, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new ImportFailed(file, line, "expected a JSON object");
        }
        var fields = new FieldReader(file, line);
        ArticleDraft draft = new ArticleDraft(
                fields.required(node, "id"), fields.required(node, "title"), fields.body(node),
                fields.optional(node, "category"), fields.strings(node, "tags"), fields.optional(node, "locale"),
                fields.status(node.get("status") == null ? null : fields.optional(node, "status")),
                fields.strings(node, "examples"));
        ArticleRules.check(draft).ifPresent(problem -> {
            throw new ImportFailed(file, line, problem);
        });
        return draft;
    }

    /** Reads typed fields of one line, failing with that line's number. */
    private record FieldReader(String file, int line) {

        String required(JsonNode node, String name) {
            String value = optional(node, name);
            if (value == null || value.isBlank()) {
                throw new ImportFailed(file, line, "'" + name + "' is required");
            }
            return value;
        }

        String body(JsonNode node) {
            String body = optional(node, "body");
            return body == null ? "" : body;
        }

        String optional(JsonNode node, String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isString()) {
                throw new ImportFailed(file, line, "'" + name + "' must be a string");
            }
            return value.asString();
        }

        List<String> strings(JsonNode node, String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (!value.isArray()) {
                throw new ImportFailed(file, line, "'" + name + "' must be an array of strings");
            }
            List<String> out = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isString()) {
                    throw new ImportFailed(file, line, "'" + name + "' must be an array of strings");
                }
                out.add(item.asString());
            }
            return out;
        }

        ArticleStatus status(String value) {
            if (value == null) {
                return null;
            }
            try {
                return ArticleStatus.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ImportFailed(file, line, "status must be 'draft' or 'published'");
            }
        }
    }
}
