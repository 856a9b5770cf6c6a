package dev.parley.knowledge.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A company's help center: its name on every page and in link previews, its colour, a way back to its site. */
@TestPropertySource(properties = {"parley.knowledge.help.name=Northwind Help Center",
        "parley.knowledge.help.home-url=https://www.northwind.example/", "parley.knowledge.help.color=#fde047"})
class HelpCenterBrandingTests extends HelpCenterTestSupport {

    @Test
    void everyPageCarriesTheCompanysNameColourAndALinkBackToItsSite() throws Exception {
        String id = publish(unique("brand"), "Opening hours", "We are open from nine to five.", null);

        for (String path : new String[] {"/help", "/help/articles/" + id, "/help/search?q=opening"}) {
            Document page = Jsoup.parse(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
            assertThat(page.title()).as(path).endsWith(" · Northwind Help Center");
            assertThat(page.select("meta[property=og:site_name]").attr("content")).isEqualTo("Northwind Help Center");
            assertThat(page.select("[data-testid=help-brand]").text()).isEqualTo("Northwind Help Center");
            assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).containsSubsequence("/help/help.css",
                    "/help/brand.css");
            assertThat(page.select("[data-testid=help-home]")).singleElement().satisfies(link -> {
                assertThat(link.attr("href")).isEqualTo("https://www.northwind.example/");
                assertThat(link.text()).isEqualTo("Back to northwind.example");
            });
        }
        assertThat(Jsoup.parse(mvc.perform(get("/help/articles/no-such-article")).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).title())
                .endsWith(" · Northwind Help Center");
    }

    @Test
    void theColourComesAsAStyleSheetThatAnyoneMayLoadAndCache() throws Exception {
        var response = mvc.perform(get("/help/brand.css")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/css")).andReturn().getResponse();

        assertThat(response.getContentAsString()).contains("--accent: #fde047;", "--accent-ink: #111827;");
        assertThat(response.getHeader("Cache-Control")).contains("max-age=600", "public");
        assertThat(response.getCookies()).isEmpty();
    }
}
