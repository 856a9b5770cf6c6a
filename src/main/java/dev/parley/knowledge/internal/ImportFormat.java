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
    CSV,
    /** Web pages: the main content, split into sections at headings when long. */
    HTML,
    /** PDF documents: the text of every page, split into sections at bookmarks when long. */
    PDF,
    /** Word documents (.docx): split into sections at headings when long. */
    DOCX,
    /** Plain UTF-8 text: the first line is the title. */
    TEXT,
    /** Each file by its name (extension), else by its first bytes. */
    AUTO;

    public static ImportFormat parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "jsonl", "ndjson", "json" -> JSONL;
            case "markdown", "md" -> MARKDOWN;
            case "csv" -> CSV;
            case "html", "htm" -> HTML;
            case "pdf" -> PDF;
            case "docx", "word" -> DOCX;
            case "text", "txt" -> TEXT;
            case "auto", "" -> AUTO;
            default -> throw ApiException.badRequest(
                    "format must be one of auto, jsonl, markdown, csv, html, pdf, docx, text (was '" + name + "')");
        };
    }

    /** The format of one file: its extension decides, else its first bytes (PDF, zip-packed Word, HTML, text). */
    static ImportFormat of(ImportSource source) {
        String name = source.name() == null ? "" : source.name().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        switch (extension) {
            case "jsonl", "ndjson", "json": return JSONL;
            case "md", "markdown": return MARKDOWN;
            case "csv": return CSV;
            case "html", "htm", "xhtml": return HTML;
            case "pdf": return PDF;
            case "docx", "doc": return DOCX;
            case "txt", "text": return TEXT;
            default: break;
        }
        byte[] c = source.content();
        if (c.length >= 4 && c[0] == '%' && c[1] == 'P' && c[2] == 'D' && c[3] == 'F') {
            return PDF;
        }
        if (c.length >= 2 && c[0] == 'P' && c[1] == 'K') {
            return DOCX;
        }
        String start = new String(c, 0, Math.min(c.length, 512), java.nio.charset.StandardCharsets.UTF_8)
                .stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<") ? HTML : TEXT;
    }
}
