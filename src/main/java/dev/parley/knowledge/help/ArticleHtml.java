package dev.parley.knowledge.help;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Article Markdown as customers see it. Bodies come from imports and editors, so the HTML commonmark makes
 * is sanitised: text structure and http(s)/mailto links only, never scripts, styles, frames or handlers.
 */
@Component
class ArticleHtml {

    static final int DESCRIPTION_LENGTH = 155;

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "em", "strong", "b", "i",
                    "code", "pre", "blockquote", "hr", "br", "del", "a",
                    "table", "thead", "tbody", "tr", "th", "td")
            .allowAttributes("href").onElements("a")
            .allowStandardUrlProtocols()
            .requireRelsOnLinks("nofollow", "noopener")
            .allowAttributes("align").matching(false, "left", "center", "right").onElements("th", "td")
            .allowAttributes("start").matching(java.util.regex.Pattern.compile("\\d{1,6}")).onElements("ol")
            .toFactory();

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer html = HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true).build();

    /** Safe HTML for the article page. */
    String render(String markdown) {
        return POLICY.sanitize(html.render(parse(markdown)));
    }

    /**
     * The body as plain text on one line, for snippets and descriptions: the words a reader sees, without
     * Markdown syntax, link targets or raw HTML (a script's source is not text).
     */
    String plainText(String markdown) {
        StringBuilder out = new StringBuilder();
        parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                out.append(node.getLiteral());
            }

            @Override
            public void visit(Code node) {
                out.append(node.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak node) {
                out.append(' ');
            }

            @Override
            public void visit(HardLineBreak node) {
                out.append(' ');
            }

            @Override
            public void visit(HtmlInline node) {
                // tags only; the text between them is visited as Text
            }

            @Override
            public void visit(HtmlBlock node) {
                out.append(' ');
            }

            @Override
            public void visit(FencedCodeBlock node) {
                out.append(' ').append(node.getLiteral()).append(' ');
            }

            @Override
            public void visit(IndentedCodeBlock node) {
                out.append(' ').append(node.getLiteral()).append(' ');
            }

            @Override
            protected void visitChildren(Node parent) {
                super.visitChildren(parent);
                if (parent instanceof Block || parent instanceof CustomNode) {
                    out.append(' ');
                }
            }
        });
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    /** At most {@code max} characters of plain text, cut at a word with an ellipsis. */
    String excerpt(String markdown, int max) {
        String plain = plainText(markdown);
        if (plain.length() <= max) {
            return plain;
        }
        int cut = plain.lastIndexOf(' ', max - 1);
        return plain.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
    }

    private Node parse(String markdown) {
        return parser.parse(markdown == null ? "" : markdown);
    }
}
