package dev.parley.knowledge.internal;

import dev.parley.knowledge.internal.ParsedDocument.Block;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads an HTML page: the main content (the {@code main} or {@code article} element, else the body) without
 * navigation, scripts, forms or hidden parts; headings, paragraphs, lists and tables as Markdown, links kept as
 * links (absolute when the page says where it lives). The charset comes from the page, UTF-8 otherwise.
 */
final class HtmlDocuments {

    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "nav", "header",
            "footer", "aside", "form", "iframe", "svg", "button", "select", "object", "embed", "canvas");
    private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "blockquote", "dt", "dd", "figcaption",
            "address", "summary", "caption");

    private HtmlDocuments() {
    }

    static ParsedDocument read(ImportSource source) {
        try {
            return read(source.content(), "");
        } catch (IllegalArgumentException e) {
            throw new ImportFailed(source.name(), 0, "the file is not a readable HTML page");
        }
    }

    /** Reads a page fetched from {@code address} (or a file, with an empty address). */
    static ParsedDocument read(byte[] content, String address) {
        Document page;
        try {
            page = Jsoup.parse(new ByteArrayInputStream(content), null, address == null ? "" : address);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a readable HTML page", e);
        }
        String base = canonical(page, address);
        page.select(String.join(",", DROPPED)).remove();
        page.select("[hidden],[aria-hidden=true],[role=navigation],[role=banner],[role=contentinfo]").remove();
        Element root = page.selectFirst("main, [role=main], article");
        if (root == null) {
            root = page.body();
        }
        List<Block> blocks = new ArrayList<>();
        new Walk(blocks, base).element(root);
        String title = page.title().isBlank() ? null : page.title();
        Element h1 = root.selectFirst("h1");
        return new ParsedDocument(h1 != null && !h1.text().isBlank() ? h1.text() : title, blocks,
                base.isBlank() ? null : base);
    }

    private static String canonical(Document page, String address) {
        Element link = page.selectFirst("link[rel=canonical][href]");
        String href = link == null ? "" : link.absUrl("href");
        return href.startsWith("http") ? href : address == null ? "" : address;
    }

    /** Walks the content tree, emitting one block per heading, paragraph, list item or table row group. */
    private record Walk(List<Block> blocks, String base) {

        void element(Element e) {
            String tag = e.normalName();
            if (tag.matches("h[1-6]")) {
                String text = inline(e);
                if (!text.isBlank()) {
                    String anchor = e.id().isBlank() || base.isBlank() ? null : base.replaceFirst("#.*$", "") + "#" + e.id();
                    blocks.add(Block.heading(tag.charAt(1) - '0', e.text().strip(), anchor));
                }
            } else if (tag.equals("ul") || tag.equals("ol")) {
                list(e);
            } else if (tag.equals("table")) {
                table(e);
            } else if (PARAGRAPHS.contains(tag)) {
                paragraph(inline(e));
            } else {
                mixed(e);
            }
        }

        /** A container: runs of text and inline elements become paragraphs, block children are walked. */
        private void mixed(Element e) {
            StringBuilder run = new StringBuilder();
            for (Node child : e.childNodes()) {
                if (child instanceof Element c && !c.isBlock() && !c.normalName().equals("br")) {
                    run.append(inline(c));
                } else if (child instanceof TextNode t) {
                    run.append(t.text());
                } else if (child instanceof Element c && c.normalName().equals("br")) {
                    run.append(' ');
                } else if (child instanceof Element c) {
                    paragraph(run.toString());
                    run.setLength(0);
                    element(c);
                }
            }
            paragraph(run.toString());
        }

        private void list(Element list) {
            paragraph(items(list, ""));
        }

        /** The list's items as "- " (or "1. ") lines, nested lists indented below their item. */
        private String items(Element list, String indent) {
            StringBuilder items = new StringBuilder();
            int n = 1;
            for (Element li : list.children()) {
                if (!li.normalName().equals("li")) {
                    continue;
                }
                Element copy = li.clone();
                copy.select("ul, ol").remove();
                String marker = list.normalName().equals("ol") ? (n++) + ". " : "- ";
                String text = inline(copy);
                if (!text.isBlank()) {
                    items.append(items.isEmpty() ? "" : "\n").append(indent).append(marker).append(text);
                }
                for (Element nested : li.select("> ul, > ol")) {
                    String inner = items(nested, indent + "  ");
                    if (!inner.isEmpty()) {
                        items.append(items.isEmpty() ? "" : "\n").append(inner);
                    }
                }
            }
            return items.toString();
        }

        /** A table as a readable list: "- Header: value; Header: value" per row, or cells joined without headers. */
        private void table(Element table) {
            List<String> headers = table.select("tr").stream().findFirst()
                    .filter(tr -> !tr.select("th").isEmpty())
                    .map(tr -> tr.select("th, td").stream().map(this::inline).toList()).orElse(List.of());
            StringBuilder rows = new StringBuilder();
            for (Element tr : table.select("tr")) {
                List<String> cells = tr.select("th, td").stream().map(this::inline).toList();
                if (cells.equals(headers) || cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < cells.size(); i++) {
                    if (cells.get(i).isBlank()) {
                        continue;
                    }
                    String header = i < headers.size() ? headers.get(i) : "";
                    parts.add(header.isBlank() ? cells.get(i) : header + ": " + cells.get(i));
                }
                rows.append(rows.isEmpty() ? "" : "\n").append("- ").append(String.join("; ", parts));
            }
            paragraph(rows.toString());
        }

        private void paragraph(String text) {
            String t = text.replaceAll("[\\t\\x0B\\f\\r]+", " ").replaceAll("(?<=\\S) {2,}", " ").strip();
            if (!t.isEmpty()) {
                blocks.add(Block.paragraph(t));
            }
        }

        /** Text with links as Markdown links (web and site-relative addresses only) and bold kept. */
        private String inline(Element e) {
            StringBuilder out = new StringBuilder();
            for (Node child : e.childNodes()) {
                if (child instanceof TextNode t) {
                    out.append(t.text());
                } else if (child instanceof Element c) {
                    String text = inline(c).strip();
                    switch (c.normalName()) {
                        case "a" -> out.append(link(c, text));
                        case "strong", "b" -> out.append(text.isEmpty() ? "" : "**" + text + "**");
                        case "br" -> out.append(' ');
                        default -> out.append(c.isBlock() ? " " + text + " " : inline(c));
                    }
                }
            }
            return out.toString().replaceAll("\\s+", " ").strip();
        }

        private String link(Element a, String text) {
            String href = a.absUrl("href");
            if (href.isEmpty()) {
                href = a.attr("href");
            }
            boolean web = href.startsWith("http://") || href.startsWith("https://") || href.startsWith("/");
            return text.isEmpty() || !web ? text : ParsedDocument.link(text, href);
        }
    }
}
