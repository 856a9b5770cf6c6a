package dev.parley.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The actions admin API: admins only, secrets write-only, broken definitions a clear 400, a mock test run. */
@SpringBootTest
@AutoConfigureMockMvc
class ActionAdminApiTests {

    @DynamicPropertySource
    static void ownData(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/test-action-api-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:action-api-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;

    static final String ACTION = """
            {"name":"order_status","description":"Where an order is","examples":["Where is my order?"],
             "inputs":[{"name":"order","type":"INTEGER","source":"ASK","required":true,"pattern":"\\\\d{4,8}",
                        "prompt":"What is your order number?"}],
             "request":{"method":"GET","url":"https://shop.example/orders/{{order}}"},
             "connection":"shop","responseFields":[{"name":"status","path":"$.status","required":true}],
             "answerTemplate":"Order #{{order}} is {{status}}.","risk":"READ","timeoutMillis":3000,
             "maxResponseBytes":65536,"ratePerMinute":30,"mockResponse":"{\\"status\\":\\"shipped\\"}"}""";

    @Test
    void anAdminDefinesAnActionTestsItWithTheMockAndExportsItWithoutTheSecret() throws Exception {
        String secret = "sk_live_" + UUID.randomUUID();
        mvc.perform(post("/api/v1/admin/action-connections").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"shop\",\"kind\":\"API_KEY\",\"headerName\":\"X-Api-Key\",\"secret\":\""
                                + secret + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("shop"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(secret))));

        String created = mvc.perform(post("/api/v1/admin/actions").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(ACTION))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.id").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        String id = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        mvc.perform(post("/api/v1/admin/actions/" + id + "/test").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"inputs\":{\"order\":\"1001\"},\"mock\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUCCEEDED"))
                .andExpect(jsonPath("$.answer").value("Order #1001 is shipped."));
        mvc.perform(get("/api/v1/admin/actions/" + id + "/executions").with(admin()))
                .andExpect(jsonPath("$[0].mock").value(true)).andExpect(jsonPath("$[0].status").value("SUCCEEDED"));

        String export = mvc.perform(get("/api/v1/admin/actions/export").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(export).contains("order_status").contains("X-Api-Key").doesNotContain(secret);
        mvc.perform(get("/api/v1/admin/action-connections").with(admin()))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(secret))));
    }

    @Test
    void aBrokenDefinitionIsAProblemDetailSayingWhatIsWrong() throws Exception {
        mvc.perform(post("/api/v1/admin/actions").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(ACTION.replace("order_status", "broken").replace("{{status}}", "{{state}}")
                                .replace("\"connection\":\"shop\",", "")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("{{state}}")));
        mvc.perform(post("/api/v1/admin/actions").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(ACTION.replace("\"READ\"", "\"MAYBE\"")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/admin/actions").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(ACTION.replace("https://shop.example", "file:///etc").replace("order_status", "x")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void agentsCannotSeeOrChangeActions() throws Exception {
        RequestPostProcessor agent = user(TestAgents.principal(TestAgents.create(agents, Role.AGENT)));
        mvc.perform(get("/api/v1/admin/actions").with(agent)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/admin/action-connections").with(agent).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isForbidden());
    }

    @Test
    void theActionsPageSavesJsonExplainsMistakesAndNeverShowsASecret() throws Exception {
        String secret = "pw_" + UUID.randomUUID();
        mvc.perform(post("/admin/actions/connections").with(admin()).with(csrf()).param("name", "crm")
                        .param("kind", "BASIC").param("username", "parley").param("secret", secret))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/actions").with(admin()).with(csrf())
                        .param("definition", ACTION.replace("order_status", "page_status").replace("\"shop\"", "\"crm\"")))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("notice", "Saved page_status."));
        mvc.perform(post("/admin/actions").with(admin()).with(csrf()).param("definition", "{not json"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("formError", org.hamcrest.Matchers.startsWith("That is not an action's JSON")));

        String page = mvc.perform(get("/admin/actions").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("page_status").contains("crm").contains("stored, never shown").doesNotContain(secret);
    }

    @Test
    void agentsSeeTheActionsRunInAConversationOnItsPage() throws Exception {
        java.util.UUID conversation = conversations.start(new dev.parley.conversation.NewConversation("web",
                dev.parley.conversation.Customer.anonymous(), dev.parley.conversation.SourceDetails.none(), null))
                .conversation().id();
        ActionDefinition mocked = actions.save(dev.parley.identity.Actor.SYSTEM, json.readValue(ACTION
                .replace("order_status", "conversation_status").replace("\"connection\":\"shop\",", ""),
                ActionDefinition.class));
        assertThat(actions.run(mocked.id(), new ActionContext(conversation, null, java.util.Map.of("order", "1001"),
                false, true)).status()).isEqualTo(ActionResult.Status.SUCCEEDED);

        String page = mvc.perform(get("/inbox/conversations/" + conversation)
                        .with(user(TestAgents.principal(TestAgents.create(agents, Role.AGENT)))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"action-runs\"").contains("conversation_status").contains("SUCCEEDED");
    }

    @Autowired
    dev.parley.conversation.Conversations conversations;
    @Autowired
    Actions actions;
    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    private RequestPostProcessor admin() {
        return user(TestAgents.principal(TestAgents.create(agents, Role.ADMIN)));
    }
}
