package dev.parley.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.knowledge.internal.Article;
import dev.parley.knowledge.internal.ArticleDraft;
import dev.parley.knowledge.internal.ArticleStatus;
import dev.parley.knowledge.internal.Articles;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest(properties = {"parley.knowledge.demo-content=false"})
@AutoConfigureMockMvc
class KnowledgePagesTests {

    @DynamicPropertySource
    static void ownIndex(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/knowledge-pages-" + UUID.randomUUID());
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Articles articles;
    @Autowired
    Agents agents;

    AgentPrincipal supervisor;
    String token;

    @BeforeEach
    void signIn() {
        supervisor = TestAgents.principal(TestAgents.create(agents, Role.SUPERVISOR));
        token = "zq" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void pagesAreForSupervisorsAndAdminsOnly() throws Exception {
        mvc.perform(get("/knowledge")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        mvc.perform(get("/knowledge").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/knowledge/new").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(post("/knowledge/new").with(user(agent)).with(csrf()).param("title", "x").param("body", "y"))
                .andExpect(status().isForbidden());
        AgentPrincipal admin = TestAgents.principal(TestAgents.create(agents, Role.ADMIN));
        mvc.perform(get("/knowledge").with(user(admin))).andExpect(status().isOk());
        mvc.perform(get("/knowledge").with(user(supervisor))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Knowledge</a>"), containsString(">Analytics</a>"))));
    }

    @Test
    void listsSearchesAndFiltersByStatusWithStatsPlaceholders() throws Exception {
        store("Published " + token + " <b>bold</b>", ArticleStatus.PUBLISHED);
        store("Draft " + token, ArticleStatus.DRAFT);
        store("Unrelated article", ArticleStatus.PUBLISHED);

        mvc.perform(get("/knowledge").param("q", token).with(user(supervisor)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Published " + token + " &lt;b&gt;bold&lt;/b&gt;"),
                        containsString("Draft " + token), not(containsString("<b>bold</b>")),
                        not(containsString("Unrelated article")), containsString("2 articles"),
                        containsString("<td class=\"num\">–</td>"), containsString("<td class=\"num no-examples\""))));
        mvc.perform(get("/knowledge").param("q", token).param("status", "DRAFT").with(user(supervisor)))
                .andExpect(content().string(allOf(containsString("Draft " + token),
                        not(containsString("Published " + token)))));
        mvc.perform(get("/knowledge").param("status", "archived").with(user(supervisor)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void countsEachArticlesExampleQuestions() throws Exception {
        articles.create(new ArticleDraft(null, "With examples " + token, "Body", null, List.of(), null,
                ArticleStatus.PUBLISHED, List.of("first way to ask", "second way to ask")));
        mvc.perform(get("/knowledge").param("q", "With examples " + token).with(user(supervisor)))
                .andExpect(content().string(allOf(containsString("<td class=\"num\">2</td>"),
                        not(containsString("no-examples")))));
    }

    @Test
    void pagesThroughLongLists() throws Exception {
        for (int i = 0; i < KnowledgePages.PAGE_SIZE + 1; i++) {
            store("Paged " + token + " " + i, ArticleStatus.PUBLISHED);
        }
        mvc.perform(get("/knowledge").param("q", token).with(user(supervisor)))
                .andExpect(content().string(allOf(containsString("Page 1 of 2"),
                        containsString("21 articles"), containsString("page=1\">Next"))));
        String second = mvc.perform(get("/knowledge").param("q", token).param("page", "1").with(user(supervisor)))
                .andExpect(content().string(containsString("Page 2 of 2")))
                .andReturn().getResponse().getContentAsString();
        assertThat(second.split("data-article-id=", -1)).hasSize(2);
        mvc.perform(get("/knowledge").param("page", "-1").with(user(supervisor))).andExpect(status().isBadRequest());
        mvc.perform(get("/knowledge").param("page", "abc").with(user(supervisor)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("page must be a whole number")));
    }

    @Test
    void invalidFormIsShownAgainWithErrorsNextToFieldsAndTheInputKept() throws Exception {
        mvc.perform(as(post("/knowledge/new")).param("title", " ").param("body", "Keep <this> text " + token)
                        .param("category", "billing").param("tags", "a, b").param("locale", "not a locale!")
                        .param("examples", "first way\nsecond way").param("status", "PUBLISHED"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Enter a title"),
                        containsString("Use a language code like"), containsString("Keep &lt;this&gt; text " + token),
                        containsString("value=\"billing\""), containsString("value=\"a, b\""),
                        containsString("value=\"not a locale!\""), containsString("first way\nsecond way"))));
        assertThat(articles.list(token, null, 0, 10).total()).isZero();
    }

    @Test
    void createsADraftThenEditsAndPublishesIt() throws Exception {
        String title = "Gift wrap " + token;
        String location = mvc.perform(as(post("/knowledge/new")).param("title", title)
                        .param("body", "# Gift wrap\nWe wrap gifts for free.").param("category", "orders")
                        .param("tags", "Gifts, wrapping,gifts").param("locale", "")
                        .param("examples", "can you gift wrap\n\n  do you wrap presents ").param("status", "DRAFT"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        String id = "gift-wrap-" + token;
        assertThat(location).isEqualTo("/knowledge/edit?id=" + id);
        Article created = articles.find(id).orElseThrow();
        assertThat(created.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(created.tags()).containsExactly("gifts", "wrapping");
        assertThat(created.examples()).containsExactly("can you gift wrap", "do you wrap presents");
        assertThat(created.locale()).isEqualTo("en");

        mvc.perform(get(location).with(user(supervisor))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"" + title + "\""),
                        containsString("<option value=\"DRAFT\" selected=\"selected\">"))));

        mvc.perform(as(post("/knowledge/edit")).param("id", id).param("title", title + " (updated)")
                        .param("body", "We wrap gifts for free, in recycled paper.").param("category", "orders")
                        .param("tags", "gifts").param("locale", "en-GB").param("examples", "can you gift wrap")
                        .param("status", "DRAFT"))
                .andExpect(redirectedUrl("/knowledge/edit?id=" + id));
        Article edited = articles.find(id).orElseThrow();
        assertThat(edited.title()).endsWith("(updated)");
        assertThat(edited.locale()).isEqualTo("en-GB");
        assertThat(edited.published()).isFalse();

        mvc.perform(as(post("/knowledge/status")).param("id", id).param("status", "PUBLISHED"))
                .andExpect(redirectedUrl("/knowledge"));
        assertThat(articles.find(id).orElseThrow().published()).isTrue();
        assertThat(articles.find(id).orElseThrow().examples()).containsExactly("can you gift wrap");
        mvc.perform(as(post("/knowledge/status")).param("id", id).param("status", "DRAFT"))
                .andExpect(redirectedUrl("/knowledge"));
        assertThat(articles.find(id).orElseThrow().published()).isFalse();
    }

    @Test
    void editingAnArticleDeletedMeanwhileKeepsWhatWasTyped() throws Exception {
        Article article = store("Short-lived " + token, ArticleStatus.PUBLISHED);
        articles.delete(article.id());
        mvc.perform(as(post("/knowledge/edit")).param("id", article.id()).param("title", "My careful rewrite")
                        .param("body", "Many paragraphs " + token).param("status", "PUBLISHED"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("does not exist"),
                        containsString("My careful rewrite"), containsString("Many paragraphs " + token))));
    }

    @Test
    void deletingAsksForConfirmationFirst() throws Exception {
        Article article = store("Doomed " + token, ArticleStatus.PUBLISHED);
        mvc.perform(get("/knowledge/delete").param("id", article.id()).with(user(supervisor)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Delete this article?"),
                        containsString("Doomed " + token))));
        assertThat(articles.find(article.id())).isPresent();

        mvc.perform(as(post("/knowledge/delete")).param("id", article.id())).andExpect(redirectedUrl("/knowledge"));
        assertThat(articles.find(article.id())).isEmpty();
        mvc.perform(get("/knowledge/edit").param("id", article.id()).with(user(supervisor)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/knowledge/delete").param("id", article.id()).with(user(supervisor)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aKnowledgeGapOpensAPrefilledDraft() throws Exception {
        mvc.perform(get("/knowledge/new").param("title", "Do you ship to <Mars>?")
                        .param("example", "Do you ship to <Mars>?").param("example", "mars delivery")
                        .with(user(supervisor)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"Do you ship to &lt;Mars&gt;?\""),
                        containsString(">Do you ship to &lt;Mars&gt;?\nmars delivery</textarea>"),
                        containsString("<option value=\"DRAFT\" selected=\"selected\">"))));
    }

    @Test
    void articlesWithIdsAPathCouldNotHoldAreStillEditable() throws Exception {
        String id = "odd?" + token + "&x+y%";
        articles.create(new ArticleDraft(id, "Odd id " + token, "Body", null, List.of(), null,
                ArticleStatus.PUBLISHED, List.of()));
        mvc.perform(get("/knowledge").param("q", token).with(user(supervisor)))
                .andExpect(content().string(containsString(
                        "href=\"/knowledge/edit?id=odd?" + token + "%26x%2By%25\"")));
        mvc.perform(get("/knowledge/edit").param("id", id).with(user(supervisor)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Odd id " + token)));
        mvc.perform(as(post("/knowledge/edit")).param("id", id).param("title", "Odd id renamed")
                        .param("body", "Body").param("status", "PUBLISHED"))
                .andExpect(redirectedUrl("/knowledge/edit?id=odd%3F" + token + "%26x%2By%25"));
        assertThat(articles.find(id).orElseThrow().title()).isEqualTo("Odd id renamed");
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.with(user(supervisor)).with(csrf());
    }

    private Article store(String title, ArticleStatus status) {
        return articles.create(new ArticleDraft(null, title, "Body of " + title, null, List.of(), null, status,
                List.of()));
    }
}
