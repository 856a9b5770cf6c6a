package dev.parley.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import dev.parley.identity.AuditLog;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.knowledge.KnowledgeBase;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

@SpringBootTest(properties = {"parley.knowledge.demo-content=false"})
@AutoConfigureMockMvc
class KnowledgeApiTests {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @DynamicPropertySource
    static void ownIndex(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/knowledge-api-" + UUID.randomUUID());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    Agents agents;
    @Autowired
    AuditLog audit;

    @Test
    void isForSupervisorsAndAdminsOnly() throws Exception {
        mvc.perform(get("/api/v1/knowledge/articles"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/v1/knowledge/articles").with(user("agent").roles("AGENT")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/knowledge/articles").with(user("admin").roles("ADMIN", "SUPERVISOR", "AGENT")))
                .andExpect(status().isOk());
    }

    @Test
    void articleAndExampleChangesAreAuditedWithWhoMadeThem() throws Exception {
        Agent editor = TestAgents.create(agents, Role.SUPERVISOR);
        String id = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/knowledge/articles").with(user(TestAgents.principal(editor))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"%s\",\"title\":\"Gift cards\",\"body\":\"Gift cards never expire.\"}"
                                .formatted(id)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/knowledge/articles/" + id + "/examples").with(user(TestAgents.principal(editor))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"do gift cards expire\"}"))
                .andExpect(status().isOk());
        mvc.perform(delete("/api/v1/knowledge/articles/" + id).with(user(TestAgents.principal(editor))).with(csrf()))
                .andExpect(status().isNoContent());

        for (String action : new String[] {"knowledge.article.created", "knowledge.example.added",
                "knowledge.article.deleted"}) {
            assertThat(audit.page(action, 0, 100)).as(action)
                    .anyMatch(e -> editor.id().equals(e.actorId()) && id.equals(e.target()));
        }
    }

    @Test
    void createsReadsUpdatesAndDeletesAnArticle() throws Exception {
        String id = "api-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(admin(post("/api/v1/knowledge/articles")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"id":"%s","title":"Loyalty points","body":"You earn **one point** per dollar.",
                         "category":"billing","tags":["Loyalty","loyalty"],"examples":["how do points work"]}""".formatted(id)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/knowledge/articles/" + id))
                .andExpect(jsonPath("$.status").value("published"))
                .andExpect(jsonPath("$.locale").value("en"))
                .andExpect(jsonPath("$.tags.length()").value(1))
                .andExpect(jsonPath("$.url").value("http://localhost:8080/help/articles/" + id));

        mvc.perform(admin(get("/api/v1/knowledge/articles/" + id)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.title").value("Loyalty points"));
        mvc.perform(admin(put("/api/v1/knowledge/articles/" + id)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"title":"Loyalty points explained","body":"Two points per dollar.","status":"draft"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("draft"))
                .andExpect(jsonPath("$.examples.length()").value(0));
        assertThat(knowledge.article(id)).as("drafts are not public").isEmpty();

        mvc.perform(admin(get("/api/v1/knowledge/articles")).param("q", "points EXPLAINED").param("size", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id));

        mvc.perform(admin(delete("/api/v1/knowledge/articles/" + id))).andExpect(status().isNoContent());
        mvc.perform(admin(get("/api/v1/knowledge/articles/" + id)))
                .andExpect(status().isNotFound()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void derivesAnIdFromTheTitleAndAttachesExamples() throws Exception {
        String title = "Rain jacket care " + UUID.randomUUID().toString().substring(0, 6);
        String body = mvc.perform(admin(post("/api/v1/knowledge/articles")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"" + title + "\",\"body\":\"Wash at 30 degrees.\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String id = body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(id).startsWith("rain-jacket-care-");

        mvc.perform(admin(post("/api/v1/knowledge/articles/" + id + "/examples")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"can I put my raincoat in the washing machine\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.examples[0]").value("can I put my raincoat in the washing machine"));
        mvc.perform(admin(post("/api/v1/knowledge/articles/" + id + "/examples")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"  \"}"))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(post("/api/v1/knowledge/articles/" + id + "/examples").with(user("agent").roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"does the rain jacket shrink in the wash\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.examples[1]").value("does the rain jacket shrink in the wash"));
        mvc.perform(put("/api/v1/knowledge/articles/" + id).with(user("agent").roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Hijacked\",\"body\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(admin(post("/api/v1/knowledge/articles/no-such-article/examples"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"hello\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void refusesTitlesAndExamplesWithoutVisibleLettersOrDigits() throws Exception {
        String id = "invisible-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(admin(post("/api/v1/knowledge/articles")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"" + id + "\",\"title\":\"Gift cards\",\"body\":\"They never expire.\"}"))
                .andExpect(status().isCreated());
        for (String text : new String[] {"\\u200b", "\\u200b\\u200c\\u2060\\ufeff", " \\u00ad ", "🙂"}) {
            mvc.perform(admin(post("/api/v1/knowledge/articles/" + id + "/examples"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + text + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("letter or digit")));
        }
        mvc.perform(admin(post("/api/v1/knowledge/articles")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"\\u200b\",\"body\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(admin(put("/api/v1/knowledge/articles/" + id)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Gift cards\",\"body\":\"x\",\"examples\":[\"\\u200b\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void answersInvalidArticlesWithProblems() throws Exception {
        mvc.perform(admin(post("/api/v1/knowledge/articles")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"no title\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("title")));
        mvc.perform(admin(post("/api/v1/knowledge/articles")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"x\",\"body\":\"y\",\"status\":\"archived\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(admin(post("/api/v1/knowledge/articles")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"bad id!\",\"title\":\"x\",\"body\":\"y\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(admin(post("/api/v1/knowledge/articles")).contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(admin(get("/api/v1/knowledge/articles")).param("size", "1000"))
                .andExpect(status().isBadRequest());
        mvc.perform(admin(put("/api/v1/knowledge/articles/missing-article")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"x\",\"body\":\"y\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void importsJsonlAndReimportsIdempotently() throws Exception {
        String prefix = "imp-" + UUID.randomUUID().toString().substring(0, 8);
        String jsonl = """
                {"id":"%1$s-a","title":"Opening hours","body":"We are open 9 to 5.","examples":["when are you open"]}
                {"id":"%1$s-b","title":"Store locations","body":"Columbus and Denver.","examples":["where are your stores"]}
                """.formatted(prefix);
        mvc.perform(admin(post("/api/v1/knowledge/imports")).param("format", "jsonl")
                        .contentType("application/x-ndjson").content(jsonl))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.examples").value(2));
        mvc.perform(admin(multipart("/api/v1/knowledge/imports").file(new MockMultipartFile("file", "kb.jsonl",
                        "application/x-ndjson", jsonl.getBytes(StandardCharsets.UTF_8)))).param("format", "jsonl"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(2));
        mvc.perform(admin(get("/api/v1/knowledge/articles")).param("q", "columbus and denver"))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void rejectsABrokenImportWithItsLineAndImportsNothing() throws Exception {
        String prefix = "broken-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "question,answer\n\"%1$s first?\",\"Yes, it is.\"\n%1$s second?\n".formatted(prefix);
        mvc.perform(admin(multipart("/api/v1/knowledge/imports").file(new MockMultipartFile("file", "faq.csv",
                        "text/csv", csv.getBytes(StandardCharsets.UTF_8)))).param("format", "csv"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.line").value(3))
                .andExpect(jsonPath("$.file").value("faq.csv"));
        mvc.perform(admin(get("/api/v1/knowledge/articles")).param("q", prefix))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(admin(post("/api/v1/knowledge/imports")).param("format", "yaml").contentType(MediaType.TEXT_PLAIN)
                        .content("x"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void importsDocumentsByTheirFileNamesAndRemembersTheirSource() throws Exception {
        String name = "doc-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] html = "<html><body><nav>Menu</nav><main><h1>Warranty</h1><p>Two years on all %s boots.</p></main></body></html>"
                .formatted(name).getBytes(StandardCharsets.UTF_8);
        byte[] text = "Gift cards\nThey never expire, %s.\n".formatted(name).getBytes(StandardCharsets.UTF_8);
        mvc.perform(admin(multipart("/api/v1/knowledge/imports")
                        .file(new MockMultipartFile("file", name + "-warranty.html", "text/html", html))
                        .file(new MockMultipartFile("file", name + "-gifts.txt", "text/plain", text))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2));
        mvc.perform(admin(get("/api/v1/knowledge/articles/" + name + "-warranty")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Warranty"))
                .andExpect(jsonPath("$.body").value("Two years on all " + name + " boots."))
                .andExpect(jsonPath("$.source").value(name + "-warranty.html"));
        mvc.perform(admin(get("/api/v1/knowledge/articles/" + name + "-gifts")))
                .andExpect(jsonPath("$.title").value("Gift cards"));
        mvc.perform(admin(put("/api/v1/knowledge/articles/" + name + "-gifts")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Gift cards\",\"body\":\"They never expire.\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value(name + "-gifts.txt"));
    }

    @Test
    void refusesAnUploadWithOneUnreadableDocumentAndImportsNoneOfIt() throws Exception {
        String name = "bad-doc-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(admin(multipart("/api/v1/knowledge/imports")
                        .file(new MockMultipartFile("file", name + ".html", "text/html",
                                "<p>Fine page about %s</p>".formatted(name).getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("file", "manual.pdf", "application/pdf",
                                "%PDF-1.7 truncated".getBytes(StandardCharsets.UTF_8)))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.file").value("manual.pdf"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not a readable PDF")));
        mvc.perform(admin(get("/api/v1/knowledge/articles")).param("q", name))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void searchesPublishedArticlesForAdmins() throws Exception {
        String word = "plumbus" + UUID.randomUUID().toString().substring(0, 4);
        mvc.perform(admin(post("/api/v1/knowledge/articles")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"The %s guide\",\"body\":\"Every home has a %s.\"}".formatted(word, word)))
                .andExpect(status().isCreated());
        dev.parley.knowledge.Eventually.within(java.time.Duration.ofSeconds(120), "the article is searchable",
                () -> !knowledge.search(word, 1).isEmpty() && knowledge.search(word, 1).getFirst().title().contains(word));
        mvc.perform(admin(get("/api/v1/knowledge/search")).param("q", word).param("limit", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].title").value("The " + word + " guide"))
                .andExpect(jsonPath("$[0].score").isNumber());
        mvc.perform(admin(get("/api/v1/knowledge/search")).param("q", " ")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/knowledge/search").param("q", word)).andExpect(status().isUnauthorized());
    }

    private static <B extends AbstractMockHttpServletRequestBuilder<B>> B admin(B request) {
        return request.with(user("supervisor").roles("SUPERVISOR", "AGENT")).with(csrf());
    }
}
