package dev.parley.knowledge.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads Markdown files, one article each, with an optional YAML front matter block between {@code ---}
 * lines: id, title, category, tags, locale, status, examples. Without an id the file name is the id;
 * without a title the first {@code # heading} is.
 */
final class MarkdownArticles {

    private MarkdownArticles() {
    }

    static List<ArticleDraft> read(List<ImportSource> sources) {
        List<ArticleDraft> drafts = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        ImportProgress progress = new ImportProgress("Reading Markdown files", sources.size());
        for (ImportSource source : sources) {
            ArticleDraft draft = read(source);
            String earlier = seen.putIfAbsent(draft.id(), source.name());
            if (earlier != null) {
                throw new ImportFailed(source.name(), 1, "id '" + draft.id() + "' is also used by " + earlier);
            }
            drafts.add(draft);
            progress.at(drafts.size());
        }
        return drafts;
    }

    static ArticleDraft read(ImportSource source) {
        String file = source.name();
        String text = source.text().replace("\r\n", "\n");
        Map<String, Object> meta = Map.of();
        String body = text;
        int bodyLine = 1;
        if (text.startsWith("---\n")) {
            int end = text.indexOf("\n---", 3);
            if (end < 0) {
                throw new ImportFailed(file, 1, "the front matter block opened with '---' is never closed");
            }
            meta = frontMatter(file, text.substring(4, end + 1));
            int after = text.indexOf('\n', end + 4);
            body = after < 0 ? "" : text.substring(after + 1);
            bodyLine = (int) text.substring(0, Math.max(0, after + 1)).chars().filter(c -> c == '\n').count() + 1;
        }
        var fields = new MetaReader(file, meta);
        String title = fields.string("title");
        if (title == null) {
            String[] lines = body.split("\n", -1);
            for (int i = 0; i < lines.length && title == null; i++) {
                if (lines[i].startsWith("# ")) {
                    title = lines[i].substring(2).strip();
                    body = String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length));
                } else if (!lines[i].isBlank()) {
                    throw new ImportFailed(file, bodyLine + i, "no title: add 'title:' to the front matter or start with '# Title'");
                }
            }
        }
        String id = fields.string("id");
        ArticleDraft draft = new ArticleDraft(id != null ? id : idFromName(file), title == null ? "" : title, body.strip(),
                fields.string("category"), fields.strings("tags"), fields.string("locale"),
                fields.status(), fields.strings("examples"));
        ArticleRules.check(draft).ifPresent(problem -> {
            throw new ImportFailed(file, 1, problem);
        });
        return draft;
    }

    private static Map<String, Object> frontMatter(String file, String yaml) {
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            if (loaded == null) {
                return Map.of();
            }
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new ImportFailed(file, 2, "the front matter must be 'key: value' lines");
            }
            Map<String, Object> meta = new HashMap<>();
            map.forEach((k, v) -> meta.put(String.valueOf(k).toLowerCase(Locale.ROOT), v));
            return meta;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 2;
            throw new ImportFailed(file, line, "the front matter is not valid YAML (" + e.getProblem() + ")");
        } catch (YAMLException e) {
            throw new ImportFailed(file, 2, "the front matter is not valid YAML (" + e.getMessage() + ")");
        }
    }

    static String idFromName(String file) {
        String name = file == null ? "" : file.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceFirst("(?i)\\.(md|markdown)$", "");
        return name.matches("[A-Za-z0-9._-]{1,100}") ? name : ArticleRules.slug(name);
    }

    /** Typed access to front matter values, failing with the file name. */
    private record MetaReader(String file, Map<String, Object> meta) {

        String string(String key) {
            Object value = meta.get(key);
            if (value == null) {
                return null;
            }
            if (value instanceof Map || value instanceof List) {
                throw new ImportFailed(file, 1, "front matter '" + key + "' must be a single value");
            }
            return String.valueOf(value);
        }

        List<String> strings(String key) {
            Object value = meta.get(key);
            if (value == null) {
                return List.of();
            }
            if (value instanceof List<?> list) {
                return list.stream().map(item -> {
                    if (item instanceof Map || item instanceof List || item == null) {
                        throw new ImportFailed(file, 1, "front matter '" + key + "' must be a list of texts");
                    }
                    return String.valueOf(item);
                }).toList();
            }
            if (key.equals("tags")) {
                return List.of(String.valueOf(value).split("\\s*,\\s*"));
            }
            throw new ImportFailed(file, 1, "front matter '" + key + "' must be a list ('- item' lines)");
        }

        ArticleStatus status() {
            String value = string("status");
            if (value == null) {
                return null;
            }
            try {
                return ArticleStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ImportFailed(file, 1, "status must be 'draft' or 'published'");
            }
        }
    }
}
