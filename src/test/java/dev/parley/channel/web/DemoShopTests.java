package dev.parley.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.action.Actions;
import dev.parley.assistant.internal.KnowledgeAssistant;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo shop out of the box: its order-status action is installed against the demo's own orders API, the signed-in
 * sample customer asking "Where is my order #1001?" gets the order's status, and an anonymous visitor is asked to
 * sign in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.widget.conversations-per-hour=1000", "parley.widget.messages-per-minute=1000"})
@AutoConfigureMockMvc
class DemoShopTests {

    @DynamicPropertySource
    static void ownData(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/test-demo-shop-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:demo-shop-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    Actions actions;
    @Autowired
    KnowledgeAssistant assistant;
    @Autowired
    Agents agents;

    @BeforeEach
    void scorerTrained() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline
                && assistant.decide("Where is my order?", List.of()).best().isEmpty()) {
            Thread.sleep(200);
        }
    }

    @Test
    void theDemoOrderStatusActionIsInstalledOnTheTrackingArticle() {
        assertThat(actions.all()).anySatisfy(action -> {
            assertThat(action.name()).isEqualTo(DemoOrderStatusAction.NAME);
            assertThat(action.article()).isNotNull();
            assertThat(action.request().url()).startsWith("http://localhost:").contains("/demo/api/orders/{{order}}");
        });
    }

    @Test
    void adminsSeeWhichArticleTheDemoActionRunsFor() throws Exception {
        var admin = TestAgents.principal(TestAgents.create(agents, Role.ADMIN));
        assertThat(mvc.perform(get("/admin/actions").with(user(admin))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains(DemoOrderStatusAction.NAME)
                .contains("runs when the assistant picks").contains("How do I track my order?");
    }

    @Test
    void theSignedInSampleCustomerGetsTheirOrderStatus() throws Exception {
        String page = mvc.perform(get("/demo").param("signed-in", "true")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Signed in as").contains("Where is my order #1001?");
        Map<String, Object> signed = Map.of("userId", attribute(page, "user-id"), "email", attribute(page, "user-email"),
                "timestamp", Long.parseLong(attribute(page, "user-timestamp")),
                "signature", attribute(page, "user-signature"));
        JsonNode verified = body(mvc.perform(widget(post("/api/v1/widget/identity")).content(json.writeValueAsString(signed)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(verified.get("verified").asBoolean()).isTrue();

        JsonNode started = start("{\"message\":\"Where is my order #1001?\",\"identityToken\":\""
                + verified.get("token").asString() + "\"}");

        assertThat(lastReply(started)).isEqualTo(
                "Your order #1001 is shipped (Trailpost Express); delivery: in 2 business days.");
    }

    @Test
    void anAnonymousVisitorIsAskedToSignIn() throws Exception {
        assertThat(mvc.perform(get("/demo")).andReturn().getResponse().getContentAsString())
                .contains("Sign in as the sample customer").doesNotContain("data-parley-user-signature");

        JsonNode started = start("{\"message\":\"Where is my order #1001?\"}");

        assertThat(lastReply(started)).startsWith("I can look up orders for signed-in customers only.");
        assertThat(started.get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void theOrdersApiShowsOnlyTheSampleCustomersOrders() throws Exception {
        mvc.perform(get("/demo/api/orders/1002").param("customer", DemoShop.CUSTOMER_ID)).andExpect(status().isOk());
        mvc.perform(get("/demo/api/orders/1002").param("customer", "someone-else")).andExpect(status().isNotFound());
        mvc.perform(get("/demo/api/orders/9999").param("customer", DemoShop.CUSTOMER_ID))
                .andExpect(status().isNotFound());
    }

    private JsonNode start(String body) throws Exception {
        return body(mvc.perform(widget(post("/api/v1/widget/conversations")).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private JsonNode body(String text) {
        return json.readTree(text);
    }

    private static String lastReply(JsonNode started) {
        String reply = null;
        for (JsonNode message : started.get("messages")) {
            if ("ASSISTANT".equals(message.get("authorType").asString())) {
                reply = message.get("text").asString();
            }
        }
        return reply;
    }

    private static String attribute(String page, String name) {
        Matcher m = Pattern.compile("data-parley-" + name + "=\"([^\"]*)\"").matcher(page);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }

    private static MockHttpServletRequestBuilder widget(MockHttpServletRequestBuilder request) {
        return request.contentType(MediaType.APPLICATION_JSON).with(r -> {
            r.setRemoteAddr("10.8.0." + (1 + (int) (Math.random() * 200)));
            return r;
        });
    }
}
