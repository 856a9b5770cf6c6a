package dev.parley.knowledge.internal;

import dev.parley.shared.ApiException;
import java.util.Locale;

/** The file formats the importers read. */
public enum ImportFormat {
    /** One JSON object per line: {@code {"id","title","body","examples":[...]}} plus optional metadata. */
    JSONL,
    /** Markdown files with a YAML front matter block (title, category, tags, locale, status, examples). */
    MARKDOWN,
    /** RFC 4180 CSV of {@code question,answer} rows; an optional header row is skipped. */
    CSV;

    public static ImportFormat parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "jsonl", "ndjson", "json" -> JSONL;
            case "markdown", "md" -> MARKDOWN;
            case "csv" -> CSV;
            default -> throw ApiException.badRequest("format must be one of jsonl, markdown, csv (was '" + name + "')");
        };
    }
}
