package dev.parley.knowledge.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriUtils;

class HelpCenterPagesTests extends HelpCenterTestSupport {

    private static final String MALICIOUS = """
            ## Getting started
            Hello **world**. Read [the docs](https://example.com/docs) or [this](javascript:alert(1)).

            <script>alert('stolen')</script>

            <img src="x" onerror="alert(2)"> <a href="javascript:alert(3)" onclick="steal()">click me</a>

            <iframe src="https://evil.example/"></iframe>

            <style>body { display: none }</style>

            | Plan | Price |
            |------|-------|
            | Basic | $5 |

            > Quoted advice

            - first
            - second

            `inline code`
            """;

    @Test
    void rendersAnArticleFromMarkdownWithoutAnythingExecutable() throws Exception {
        String id = publish(unique("render"), "Getting started with widgets", MALICIOUS, null);

        String page = page("/help/articles/" + id);

        assertThat(page).contains("<h2>Getting started</h2>", "<strong>world</strong>", "<table>", "<td>Basic</td>",
                "<blockquote>", "<li>first</li>", "<code>inline code</code>", "click me");
        assertThat(page).containsPattern("<a href=\"https://example.com/docs\" rel=\"nofollow noopener\">the docs</a>");
        assertThat(Jsoup.parse(page).select("meta[name=description]").attr("content"))
                .startsWith("Getting started Hello world. Read the docs or this. click me Plan Price Basic $5");
        assertThat(page).doesNotContain("<script", "alert(", "javascript:", "onerror", "onclick", "<iframe", "<style",
                "<img");
    }

    @Test
    void articlePagesCarryTitleDescriptionCanonicalAndOpenGraph() throws Exception {
        String body = "Your parcel leaves our warehouse within two days. " + "We pack every order with care. ".repeat(10);
        String id = publish(unique("meta"), "When will my parcel ship?", body, null);

        var doc = Jsoup.parse(page("/help/articles/" + id));

        assertThat(doc.title()).isEqualTo("When will my parcel ship? · Help center");
        String description = doc.select("meta[name=description]").attr("content");
        assertThat(description).startsWith("Your parcel leaves our warehouse within two days.").endsWith("…");
        assertThat(description.length()).isLessThanOrEqualTo(156);
        String canonical = "http://localhost:8080/help/articles/" + id;
        assertThat(doc.select("link[rel=canonical]").attr("href")).isEqualTo(canonical);
        assertThat(doc.select("meta[property=og:url]").attr("content")).isEqualTo(canonical);
        assertThat(doc.select("meta[property=og:title]").attr("content")).isEqualTo("When will my parcel ship?");
        assertThat(doc.select("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(doc.select("meta[property=og:description]").attr("content")).isEqualTo(description);
    }

    @Test
    void idsWithQuestionMarksAreEncodedInLinksAndFound() throws Exception {
        String category = unique("payments");
        String id = publish(unique("why-declined") + "?", "Why was my card declined?", "Check the card's expiry date.",
                category);
        String path = "/help/articles/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
        assertThat(path).contains("%3F");

        assertThat(page("/help/categories/" + category)).contains("href=\"" + path + "\"");
        assertThat(Jsoup.parse(page(path)).select("h1").text()).isEqualTo("Why was my card declined?");
    }

    @Test
    void articlesLinkToRelatedArticlesButNotToThemselves() throws Exception {
        String tracking = publish(unique("related"), "Tracking your plumtree parcel",
                "Open the plumtree tracking link in your shipping email.", null, "where is my plumtree parcel");
        String late = publish(unique("related"), "Plumtree parcel tracking not updating",
                "Plumtree tracking can take a day to update after the parcel ships.", null, "plumtree tracking is stuck");
        searchable(tracking, "Tracking your plumtree parcel");
        searchable(late, "Plumtree parcel tracking not updating");

        var related = Jsoup.parse(page("/help/articles/" + tracking)).select("[data-testid=help-related] a");

        assertThat(related.eachAttr("href")).contains("/help/articles/" + late)
                .doesNotContain("/help/articles/" + tracking);
    }

    @Test
    void draftsAndUnknownArticlesAnswerTheNotFoundPage() throws Exception {
        String draft = draft(unique("draft"), "Secret upcoming sale", "Not yet.", null);
        for (String path : new String[] {"/help/articles/" + draft, "/help/articles/" + unique("missing")}) {
            mvc.perform(get(path))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith("text/html"))
                    .andExpect(content().string(containsString("Page not found")))
                    .andExpect(content().string(not(containsString("Secret upcoming sale"))));
        }
        mvc.perform(get("/help/categories/" + unique("nothing-here"))).andExpect(status().isNotFound());
    }

    @Test
    void homeShowsTheSearchBoxCategoriesWithCountsAndArticles() throws Exception {
        String category = unique("returns");
        String first = publish(unique("home-a"), "Returning a jacket", "Send it back within 30 days.", category);
        publish(unique("home-b"), "Returning shoes", "Shoes go back in their box.", category);
        draft(unique("home-c"), "Returning a draft", "Not counted.", category);

        var doc = Jsoup.parse(page("/help"));

        assertThat(doc.select("form[role=search][action=/help/search] input[name=q]")).isNotEmpty();
        var card = doc.select("a[href=/help/categories/" + category + "]");
        assertThat(card.text()).contains(category).contains("2 articles");
        // other tests view articles too (a few times each): many visitors make this one the most viewed
        for (int i = 0; i < 25; i++) {
            mvc.perform(get("/help/articles/" + first).cookie(new jakarta.servlet.http.Cookie(Visitors.COOKIE,
                    java.util.UUID.randomUUID().toString()))).andExpect(status().isOk());
        }
        assertThat(Jsoup.parse(page("/help")).select("[data-testid=help-popular] a").first().text())
                .isEqualTo("Returning a jacket");
    }

    @Test
    void categoryPagesListTheirPublishedArticlesWithExcerpts() throws Exception {
        String category = unique("gift cards");
        publish(unique("cat-a"), "Buying a gift card", "Gift cards come in **any amount** from $10.", category);
        publish(unique("cat-b"), "Spending a gift card", "Enter the code at checkout.", category);
        draft(unique("cat-c"), "Gift card draft", "Hidden.", category);

        var doc = Jsoup.parse(page("/help/categories/" + UriUtils.encodePathSegment(category, StandardCharsets.UTF_8)));

        assertThat(doc.select("h1").text()).isEqualTo(category);
        assertThat(doc.select("[data-testid=help-category-articles] a").eachText())
                .containsExactly("Buying a gift card", "Spending a gift card");
        assertThat(doc.text()).contains("Gift cards come in any amount from $10.").doesNotContain("Hidden.");
    }

    @Test
    void searchShowsMatchingArticlesWithPlainTextSnippets() throws Exception {
        String id = publish(unique("search"), "Resetting your zephyrine password",
                "Open **Sign in**, choose *Forgot password* and follow the zephyrine email link.", null,
                "I forgot my zephyrine password");
        searchable(id, "zephyrine password");

        var doc = Jsoup.parse(page("/help/search?q=forgot+my+zephyrine+password"));

        assertThat(doc.select("[data-testid=help-results] a").eachText()).contains("Resetting your zephyrine password");
        assertThat(doc.select("[data-testid=help-results] p").text()).contains("choose Forgot password")
                .doesNotContain("**");
        assertThat(doc.select("meta[name=description]")).isEmpty();
    }

    @Test
    void blankOrUnmatchedSearchesAnswerAFriendlyPage() throws Exception {
        assertThat(Jsoup.parse(page("/help/search?q=%20%20")).text()).contains("Type a question or a few words");
        assertThat(Jsoup.parse(page("/help/search")).text()).contains("Type a question or a few words");
        assertThat(Jsoup.parse(page("/help/search?q=qwxzy+vbnmk+plokij")).select("[data-testid=help-no-results]"))
                .isNotEmpty();
    }

    @Test
    void sitemapListsTheHelpCenterCategoriesAndPublishedArticles() throws Exception {
        String category = unique("sizing");
        String published = publish(unique("map") + "?", "Size guide", "Measure twice & order once.", category);
        String draft = draft(unique("map-draft"), "Draft sizes", "Hidden.", category);

        String xml = mvc.perform(get("/sitemap.xml")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/xml"))
                .andReturn().getResponse().getContentAsString();

        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        var locs = new java.util.ArrayList<String>();
        var nodes = doc.getElementsByTagName("loc");
        for (int i = 0; i < nodes.getLength(); i++) {
            locs.add(nodes.item(i).getTextContent());
        }
        assertThat(locs).contains("http://localhost:8080/help", "http://localhost:8080/help/categories/" + category,
                "http://localhost:8080/help/articles/" + UriUtils.encodePathSegment(published, StandardCharsets.UTF_8));
        assertThat(locs).noneMatch(loc -> loc.contains(draft));

        String robots = mvc.perform(get("/robots.txt")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(robots).contains("Sitemap: http://localhost:8080/sitemap.xml");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(URI.create(path))).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
