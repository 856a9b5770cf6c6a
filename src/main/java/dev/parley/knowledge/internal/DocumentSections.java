package dev.parley.knowledge.internal;

import static dev.parley.shared.CleanText.cut;
import static dev.parley.shared.CleanText.shorten;

import dev.parley.knowledge.internal.ParsedDocument.Block;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a read document into articles the way help centers are written: a short document is one article; a long
 * one is split at its highest headings into sections titled "Document — Section" (again at lower headings while a
 * section is still long), each keeping where it came from. Ids derive from the file name and the section heading,
 * so importing the same document again updates the same articles. A section longer than an article may be, with no
 * headings left to split it at, becomes several articles ("Title (part 2)") split between paragraphs; a document with
 * more text than {@link #MAX_CHARACTERS} is refused.
 */
final class DocumentSections {

    /** A section longer than this is split at its next lower headings, as doc2dial's help pages are. */
    static final int SPLIT_ABOVE = 4_000;
    /** The most text one document may hold (about 3,000 pages); a larger one is refused, to be split by its owner. */
    static final long MAX_CHARACTERS = 10_000_000;
    private static final String DASH = " — ";
    /** A section without a single word (only a leftover section number like "4.1") is not an article. */
    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("\\p{L}{3,}");

    private final String file;
    private final String source;
    private final List<ArticleDraft> drafts = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    private DocumentSections(String file, String source) {
        this.file = file;
        this.source = source;
    }

    /** The articles of one document read from {@code file}; they name the document's web address or the file. */
    static List<ArticleDraft> of(String file, ParsedDocument document) {
        return of(file, idFromName(file), titleFromName(file), file == null ? "upload" : file, document);
    }

    /** The articles of a page read from a web site: ids from its host and path, the page (or canonical) as source. */
    static List<ArticleDraft> ofPage(java.net.URI page, ParsedDocument document) {
        String path = page.getPath() == null ? "" : page.getPath().replaceAll("/+$", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        return of(page.toString(), cut(ArticleRules.slug(page.getHost() + path), 80),
                last.isEmpty() ? page.getHost() : titleFromName(last), page.toString(), document);
    }

    private static List<ArticleDraft> of(String file, String idBase, String fallbackTitle, String fallbackSource,
            ParsedDocument document) {
        String source = document.origin() != null ? document.origin() : fallbackSource;
        if (document.blocks().stream().mapToLong(b -> b.text().length()).sum() > MAX_CHARACTERS) {
            throw new ImportFailed(file, 0, "the document holds more than %,d characters of text; split it into smaller files"
                    .formatted(MAX_CHARACTERS));
        }
        List<Block> blocks = new ArrayList<>(document.blocks());
        String title = clean(document.title());
        if (!blocks.isEmpty() && blocks.getFirst().heading()
                && (title == null || same(title, blocks.getFirst().text()))) {
            title = blocks.removeFirst().text();
        }
        if (title == null) {
            title = fallbackTitle;
        }
        DocumentSections sections = new DocumentSections(file, source);
        sections.add(idBase, title, null, blocks);
        if (sections.drafts.isEmpty()) {
            throw new ImportFailed(file, 0, "the document holds no text");
        }
        return sections.drafts;
    }

    private void add(String id, String title, String anchor, List<Block> blocks) {
        String body = markdown(blocks);
        int top = blocks.stream().filter(Block::heading).mapToInt(Block::level).min().orElse(0);
        if (body.length() <= SPLIT_ABOVE || top == 0) {
            if (WORD.matcher(body).find()) {
                article(id, title, anchor, body);
            }
            return;
        }
        List<Block> intro = new ArrayList<>();
        int i = 0;
        while (i < blocks.size() && blocks.get(i).level() != top) {
            intro.add(blocks.get(i++));
        }
        if (WORD.matcher(markdown(intro)).find()) {
            add(id, title, anchor, intro);
        }
        while (i < blocks.size()) {
            Block heading = blocks.get(i++);
            List<Block> content = new ArrayList<>();
            while (i < blocks.size() && blocks.get(i).level() != top) {
                content.add(blocks.get(i++));
            }
            add(id + "--" + ArticleRules.slug(heading.text()), title + DASH + heading.text(),
                    heading.anchor(), content);
        }
    }

    private void article(String id, String title, String anchor, String body) {
        List<String> parts = parts(body, ArticleRules.MAX_BODY);
        article(id, title, anchor, parts.getFirst(), 1);
        for (int n = 2; n <= parts.size(); n++) {
            article(id + "--part-" + n, title, anchor, parts.get(n - 1), n);
        }
    }

    private void article(String id, String title, String anchor, String body, int part) {
        String unique = cut(id, ArticleRules.MAX_ID);
        for (int n = 2; !ids.add(unique); n++) {
            String suffix = "-" + n;
            unique = cut(id, ArticleRules.MAX_ID - suffix.length()) + suffix;
        }
        String where = anchor != null ? anchor : title.contains(DASH)
                ? source + DASH + title.substring(title.indexOf(DASH) + DASH.length()) : source;
        String suffix = part == 1 ? "" : " (part " + part + ")";
        String shortTitle = shorten(title, ArticleRules.MAX_TITLE - suffix.length()) + suffix;
        drafts.add(new ArticleDraft(unique, shortTitle, body, null, List.of(), null, null, List.of(),
                shorten(where, ArticleRules.MAX_SOURCE)));
    }

    /** The blocks as Markdown: headings below the article's own title as "##" and lower. */
    static String markdown(List<Block> blocks) {
        int top = blocks.stream().filter(Block::heading).mapToInt(Block::level).min().orElse(1);
        StringBuilder out = new StringBuilder();
        for (Block b : blocks) {
            if (b.text().isBlank()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            if (b.heading()) {
                out.append("#".repeat(Math.min(6, b.level() - top + 2))).append(' ');
            }
            out.append(b.text().strip());
        }
        return out.toString();
    }

    /** "returns-policy.pdf" becomes "returns-policy"; names that are not ids become slugs. */
    static String idFromName(String file) {
        String name = baseName(file);
        return name.matches("[A-Za-z0-9._-]{1,80}") ? name.toLowerCase(Locale.ROOT) : ArticleRules.slug(name);
    }

    private static String titleFromName(String file) {
        String name = baseName(file).replaceAll("[_-]+", " ").strip();
        return name.isEmpty() ? "Imported document" : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String baseName(String file) {
        String name = file == null ? "" : file.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String clean(String title) {
        return title == null || title.isBlank() ? null : title.strip().replaceAll("\\s+", " ");
    }

    private static boolean same(String a, String b) {
        return a.strip().equalsIgnoreCase(b.strip());
    }

    /** The body in pieces of at most {@code max} characters, each ending between paragraphs where one ends late enough. */
    static List<String> parts(String body, int max) {
        List<String> parts = new ArrayList<>();
        String rest = body;
        while (rest.length() > max) {
            int at = rest.lastIndexOf("\n\n", max);
            int end = at > max / 2 ? at : max;
            if (Character.isHighSurrogate(rest.charAt(end - 1))) {
                end--;
            }
            parts.add(rest.substring(0, end).strip());
            rest = rest.substring(end).strip();
        }
        parts.add(rest);
        return parts;
    }
}
