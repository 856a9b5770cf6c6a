package dev.parley.mail.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML mail to plain text for agents and the assistant: blocks and {@code <br>} become line breaks, links keep
 * their address as "text (url)", scripts and styles vanish, and blockquoted history is marked with "> " so that
 * {@link dev.parley.mail.ReplyText} recognises it as quoted like in a plain-text mail.
 */
public final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "header", "footer", "table",
            "tr", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "address", "dl", "dt", "dd",
            "blockquote", "center", "form", "fieldset", "figure", "figcaption", "main", "nav", "aside");
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol");

    private HtmlText() {
    }

    public static String toText(String html) {
        var body = Jsoup.parse(html == null ? "" : html).body();
        body.select("script, style, head, title, noscript, template, object, iframe").remove();
        var writer = new Writer();
        NodeTraversor.traverse(writer, body);
        writer.newLine();
        return String.join("\n", writer.lines).replace('\u00a0', ' ').replaceAll("[ \t]+\n", "\n")
                .replaceAll("\n{3,}", "\n\n").strip();
    }

    /** Collects lines; a line inside n blockquotes starts with n "> ". */
    private static final class Writer implements NodeVisitor {

        private final List<String> lines = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        private int quoteDepth;
        private int preDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                String content = preDepth > 0 ? text.getWholeText() : text.text();
                if (preDepth > 0) {
                    String[] parts = content.split("\n", -1);
                    for (int i = 0; i < parts.length; i++) {
                        if (i > 0) {
                            hardBreak();
                        }
                        line.append(parts[i]);
                    }
                } else {
                    append(content);
                }
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                switch (tag) {
                    case "br" -> hardBreak();
                    case "li" -> {
                        newLine();
                        line.append("- ");
                    }
                    case "td", "th" -> append(" ");
                    case "img" -> append(element.attr("alt"));
                    case "pre" -> {
                        newLine();
                        preDepth++;
                    }
                    case "blockquote" -> {
                        blankLine();
                        quoteDepth++;
                    }
                    default -> {
                        if (BLOCKS.contains(tag)) {
                            newLine();
                        }
                    }
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            if (tag.equals("a")) {
                String href = element.absUrl("href").isEmpty() ? element.attr("href") : element.absUrl("href");
                String shown = element.text().strip();
                if (href.matches("(?i)https?://.+") && !sameLink(shown, href)) {
                    append(" (" + href + ")");
                }
            } else if (tag.equals("blockquote")) {
                newLine();
                quoteDepth--;
                blankLine();
            } else if (tag.equals("pre")) {
                preDepth--;
                newLine();
            } else if (PARAGRAPHS.contains(tag)) {
                blankLine();
            } else if (BLOCKS.contains(tag)) {
                newLine();
            }
        }

        private void append(String text) {
            if (line.isEmpty() || Character.isWhitespace(line.charAt(line.length() - 1))) {
                text = text.stripLeading();
            }
            line.append(text);
        }

        private void newLine() {
            if (!line.toString().isBlank()) {
                hardBreak();
            } else {
                line.setLength(0);
            }
        }

        private void hardBreak() {
            lines.add("> ".repeat(Math.max(0, quoteDepth)) + line.toString().strip());
            line.setLength(0);
        }

        private void blankLine() {
            newLine();
            if (!lines.isEmpty() && !lines.getLast().isBlank()) {
                lines.add(quoteDepth > 0 ? "> ".repeat(quoteDepth).strip() : "");
            }
        }

        private static boolean sameLink(String shown, String href) {
            String a = shown.replaceFirst("(?i)^https?://", "").replaceFirst("/$", "");
            String b = href.replaceFirst("(?i)^https?://", "").replaceFirst("/$", "");
            return shown.isEmpty() || a.equalsIgnoreCase(b);
        }
    }
}
