package dev.parley.knowledge.help;

import dev.parley.knowledge.internal.HelpCatalogRepository;
import dev.parley.knowledge.internal.HelpCatalogRepository.Published;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /sitemap.xml} (the help center, every category and published article) and {@code /robots.txt}. */
@Controller
class HelpSitemap {

    private final HelpCatalogRepository catalog;
    private final HelpLinks links;

    HelpSitemap(HelpCatalogRepository catalog, HelpLinks links) {
        this.catalog = catalog;
        this.links = links;
    }

    @GetMapping(value = "/sitemap.xml")
    ResponseEntity<String> sitemap() {
        List<Published> articles = catalog.published();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        url(xml, links.absolute("/help"), null);
        articles.stream().map(Published::category).filter(Objects::nonNull).distinct().sorted()
                .forEach(category -> url(xml, links.absolute(HelpLinks.categoryPath(category)), null));
        articles.forEach(a -> url(xml, links.articleUrl(a.id()),
                a.updatedAt() == null ? null : a.updatedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString()));
        xml.append("</urlset>\n");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml.toString());
    }

    @GetMapping(value = "/robots.txt")
    ResponseEntity<String> robots() {
        String body = """
                User-agent: *
                Allow: /help
                Disallow: /api/
                Sitemap: %s
                """.formatted(links.absolute("/sitemap.xml"));
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(body);
    }

    private static void url(StringBuilder xml, String loc, String lastModified) {
        xml.append("  <url><loc>").append(escape(loc)).append("</loc>");
        if (lastModified != null) {
            xml.append("<lastmod>").append(lastModified).append("</lastmod>");
        }
        xml.append("</url>\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;");
    }
}
