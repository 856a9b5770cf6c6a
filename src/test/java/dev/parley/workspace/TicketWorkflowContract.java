package dev.parley.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.analytics.AnalyticsFilter;
import dev.parley.analytics.internal.ConversationExport;
import dev.parley.conversation.ConversationEvents.ConversationTagged;
import dev.parley.conversation.ConversationEvents.ConversationUntagged;
import dev.parley.conversation.ConversationEvents.ConversationsMerged;
import dev.parley.conversation.ConversationEvents.SubjectChanged;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.CustomerMessageFlow;
import dev.parley.conversation.IncomingMessage;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.SourceDetails;
import dev.parley.conversation.Tags;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.AuditLog;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Filing tickets: coloured tags, category and subject, through the agent API and the conversation page, filtered
 * in lists, exported in the CSV, audited and published. Runs on H2 and PostgreSQL, each in a database of its own.
 */
@AutoConfigureMockMvc
@RecordApplicationEvents
abstract class TicketWorkflowContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;
    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow flow;
    @Autowired
    Tags tags;
    @Autowired
    AuditLog audit;
    @Autowired
    ConversationExport export;
    @Autowired
    ApplicationEvents events;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void agentsTagConversationsByNameAndTheListFiltersByTag() throws Exception {
        AgentPrincipal agent = principal(Role.AGENT);
        UUID refund = conversationSaying("I want my money back");
        UUID other = conversationSaying("Hello there");

        String created = mvc.perform(as(agent, postJson("/api/v1/conversations/" + refund + "/tags",
                        "{\"name\":\"  Refund   request \"}")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Refund request"))
                .andExpect(jsonPath("$.colour").value(containsString("#")))
                .andReturn().getResponse().getContentAsString();
        UUID tagId = UUID.fromString(json.readTree(created).get("id").asString());
        mvc.perform(as(agent, postJson("/api/v1/conversations/" + refund + "/tags", "{\"name\":\"REFUND REQUEST\"}")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(tagId.toString()));

        mvc.perform(as(agent, get("/api/v1/conversations").param("view", "all").param("tag", "refund request")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].conversation.id").value(refund.toString()))
                .andExpect(jsonPath("$.items[0].tags[0].name").value("Refund request"));
        mvc.perform(as(agent, get("/api/v1/conversations/" + refund)))
                .andExpect(jsonPath("$.tags[0].id").value(tagId.toString()));
        mvc.perform(as(agent, get("/api/v1/conversations/" + other + "/tags"))).andExpect(content().json("[]"));
        assertThat(events.stream(ConversationTagged.class).filter(e -> e.conversationId().equals(refund))).hasSize(1);
        assertThat(audit.page("conversation.tag-added", 0, 50))
                .anyMatch(e -> e.target().equals("conversation " + refund) && e.detail().equals("Refund request"));

        mvc.perform(as(agent, delete("/api/v1/conversations/" + refund + "/tags/" + tagId)))
                .andExpect(status().isNoContent());
        mvc.perform(as(agent, delete("/api/v1/conversations/" + refund + "/tags/" + tagId)))
                .andExpect(status().isNotFound());
        mvc.perform(as(agent, get("/api/v1/conversations").param("view", "all").param("tag", "Refund request")))
                .andExpect(jsonPath("$.total").value(0));
        assertThat(events.stream(ConversationUntagged.class).filter(e -> e.tagId().equals(tagId))).hasSize(1);
        assertThat(audit.page("conversation.tag-removed", 0, 50))
                .anyMatch(e -> e.target().equals("conversation " + refund));
    }

    @Test
    void badTagNamesAndColoursAreRefusedWithAReason() throws Exception {
        AgentPrincipal agent = principal(Role.AGENT);
        UUID id = conversationSaying("Tag me");
        mvc.perform(as(agent, postJson("/api/v1/conversations/" + id + "/tags", "{\"name\":\"  \"}")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(as(agent, postJson("/api/v1/conversations/" + id + "/tags", "{\"name\":\"" + "x".repeat(41) + "\"}")))
                .andExpect(status().isBadRequest());
        mvc.perform(as(agent, postJson("/api/v1/conversations/" + id + "/tags", "{\"name\":\"a;b\"}")))
                .andExpect(status().isBadRequest());
        mvc.perform(as(agent, postJson("/api/v1/tags", "{\"name\":\"Urgent-x\",\"colour\":\"red\"}")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("#")));
        mvc.perform(as(agent, postJson("/api/v1/conversations/" + UUID.randomUUID() + "/tags", "{\"name\":\"vip\"}")))
                .andExpect(status().isNotFound());
    }

    @Test
    void supervisorsRecolourAndDeleteTagsAndAgentsMayNot() throws Exception {
        AgentPrincipal agent = principal(Role.AGENT);
        AgentPrincipal supervisor = principal(Role.SUPERVISOR);
        UUID id = conversationSaying("VIP customer here");
        String name = "vip-" + UUID.randomUUID().toString().substring(0, 6);
        String body = mvc.perform(as(agent, postJson("/api/v1/tags", "{\"name\":\"" + name + "\",\"colour\":\"#ABC\"}")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.colour").value("#aabbcc"))
                .andReturn().getResponse().getContentAsString();
        UUID tagId = UUID.fromString(json.readTree(body).get("id").asString());
        mvc.perform(as(agent, postJson("/api/v1/tags", "{\"name\":\"" + name.toUpperCase() + "\"}")))
                .andExpect(status().isConflict());
        tags.add(id, name, agent.id());

        mvc.perform(as(agent, patch("/api/v1/tags/" + tagId).contentType(MediaType.APPLICATION_JSON)
                .content("{\"colour\":\"#0369a1\"}"))).andExpect(status().isForbidden());
        mvc.perform(as(supervisor, patch("/api/v1/tags/" + tagId).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"colour\":\"#0369a1\"}")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.colour").value("#0369a1"));
        assertThat(tags.of(id)).singleElement().satisfies(t -> assertThat(t.colour()).isEqualTo("#0369a1"));

        mvc.perform(as(agent, delete("/api/v1/tags/" + tagId))).andExpect(status().isForbidden());
        mvc.perform(as(supervisor, delete("/api/v1/tags/" + tagId))).andExpect(status().isNoContent());
        assertThat(tags.of(id)).isEmpty();
        assertThat(audit.page("tag.deleted", 0, 50)).anyMatch(e -> e.detail().equals(name));
    }

    @Test
    void categoryAndSubjectAreSetThroughTheApiAndAudited() throws Exception {
        AgentPrincipal agent = principal(Role.AGENT);
        UUID id = conversationSaying("my invoice is wrong please help");
        mvc.perform(as(agent, patchJson(id, "{\"category\":\"Billing\",\"subject\":\"Wrong   invoice for March\"}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.category").value("billing"))
                .andExpect(jsonPath("$.subject").value("Wrong invoice for March"));
        mvc.perform(as(agent, get("/api/v1/conversations").param("view", "all").param("category", "billing")
                        .param("q", "invoice")))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(as(agent, get("/api/v1/conversations").param("view", "all").param("category", "orders")
                        .param("q", "invoice")))
                .andExpect(jsonPath("$.total").value(0));
        assertThat(events.stream(SubjectChanged.class).filter(e -> e.conversationId().equals(id)))
                .singleElement().satisfies(e -> assertThat(e.to()).isEqualTo("Wrong invoice for March"));
        assertThat(audit.page("conversation.category", 0, 50)).anyMatch(e -> e.target().equals("conversation " + id)
                && e.detail().equals("null -> billing"));
        assertThat(audit.page("conversation.subject", 0, 50)).anyMatch(e -> e.target().equals("conversation " + id));

        mvc.perform(as(agent, patchJson(id, "{\"category\":\"gardening\"}"))).andExpect(status().isBadRequest());
        mvc.perform(as(agent, get("/api/v1/conversations").param("category", "gardening")))
                .andExpect(status().isBadRequest());
        mvc.perform(as(agent, patchJson(id, "{\"subject\":\"   \"}"))).andExpect(status().isBadRequest());
        mvc.perform(as(agent, patchJson(id, "{\"subject\":\"" + "s".repeat(201) + "\"}")))
                .andExpect(status().isBadRequest());
        mvc.perform(as(agent, patchJson(id, "{\"category\":null}"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.category").doesNotExist());
    }

    @Test
    void theConversationPageFilesTheTicketInPlace() throws Exception {
        AgentPrincipal agent = principal(Role.AGENT);
        UUID id = conversationSaying("Page tagging please");
        String name = "page-" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(as(agent, post("/inbox/conversations/" + id + "/tags").param("name", name)
                        .header("HX-Request", "true")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"ticket\"")))
                .andExpect(content().string(containsString(name)));
        mvc.perform(as(agent, post("/inbox/conversations/" + id + "/subject").param("subject", " ")
                        .header("HX-Request", "true")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("subject must not be empty")));
        mvc.perform(as(agent, post("/inbox/conversations/" + id + "/category").param("category", "account")))
                .andExpect(status().is3xxRedirection());
        assertThat(conversations.get(id).category()).isEqualTo("account");

        mvc.perform(as(agent, get("/inbox/conversations/" + id)))
                .andExpect(content().string(containsString("data-tag=\"" + name + "\"")));
        mvc.perform(as(agent, get("/inbox").param("view", "all").param("tag", name)))
                .andExpect(content().string(containsString("Page tagging please")))
                .andExpect(content().string(containsString("class=\"tag\"")));
        mvc.perform(as(agent, get("/inbox").param("view", "all").param("tag", name).param("category", "billing")))
                .andExpect(content().string(not(containsString("Page tagging please"))));
        UUID tagId = tags.byName(name).orElseThrow().id();
        mvc.perform(as(agent, post("/inbox/conversations/" + id + "/tags/" + tagId + "/delete")
                .header("HX-Request", "true"))).andExpect(status().isOk());
        assertThat(tags.of(id)).isEmpty();
    }

    @Test
    void theCsvExportListsEachConversationsTags() throws Exception {
        AgentPrincipal agent = principal(Role.AGENT);
        UUID id = conversationSaying("Export my tags");
        tags.add(id, "zeta", agent.id());
        tags.add(id, "Alpha", agent.id());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        export.write(new AnalyticsFilter(today.minusDays(1), today.plusDays(1), null, null), null, out);
        var lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).endsWith(",tags");
        assertThat(lines).filteredOn(l -> l.startsWith(id.toString())).singleElement()
                .satisfies(l -> assertThat(l).endsWith(",Alpha;zeta"));
    }

    @Test
    void twoConversationsOfOneContactMergeIntoOneTranscriptByTime() throws Exception {
        AgentPrincipal agent = principal(Role.AGENT);
        String email = "merge-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        UUID target = conversationOf(email, "My order 51 is late");
        UUID source = conversationOf(email, "Any news about order 51?");
        flow.receive(target, new IncomingMessage("Hello? Still waiting", null));
        tags.add(source, "late-delivery", agent.id());
        var sourceSeqs = conversations.transcript(source, 0, 100).stream().map(m -> m.seq()).toList();

        mvc.perform(as(agent, postJson("/api/v1/conversations/" + target + "/merge", "{\"sourceId\":\"" + source + "\"}")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(target.toString()));

        var transcript = conversations.transcript(target, 0, 100);
        assertThat(transcript.stream().filter(m -> m.authorType() == dev.parley.conversation.AuthorType.CUSTOMER)
                .map(m -> m.text()))
                .containsExactly("My order 51 is late", "Any news about order 51?", "Hello? Still waiting");
        assertThat(transcript).extracting(m -> m.seq()).isSorted().containsAll(sourceSeqs);
        assertThat(transcript).anyMatch(m -> m.internal() && m.text().contains("merged")
                && m.text().contains(source.toString()));
        assertThat(conversations.get(source).status()).isEqualTo(ConversationStatus.CLOSED);
        assertThat(conversations.transcript(source, 0, 100)).singleElement()
                .satisfies(m -> assertThat(m.text()).contains(target.toString()));
        assertThat(tags.of(target)).extracting(t -> t.name()).contains("late-delivery");
        assertThat(events.stream(ConversationsMerged.class).filter(e -> e.sourceId().equals(source)))
                .singleElement().satisfies(e -> assertThat(e.movedMessages()).isEqualTo(sourceSeqs.size()));
        assertThat(audit.page("conversation.merged", 0, 50)).anyMatch(e -> e.target().equals("conversation " + target)
                && e.detail().contains(source.toString()));
        mvc.perform(as(agent, get("/inbox/conversations/" + source)))
                .andExpect(content().string(containsString("/inbox/conversations/" + target)))
                .andExpect(content().string(containsString("id=\"merged-into\"")));

        mvc.perform(as(agent, postJson("/api/v1/conversations/" + target + "/merge", "{\"sourceId\":\"" + source + "\"}")))
                .andExpect(status().isConflict());
    }

    @Test
    void onlyConversationsOfTheSameContactMerge() throws Exception {
        AgentPrincipal agent = principal(Role.AGENT);
        UUID one = conversationOf("one-" + UUID.randomUUID() + "@example.com", "First person");
        UUID other = conversationOf("two-" + UUID.randomUUID() + "@example.com", "Second person");
        mvc.perform(as(agent, postJson("/api/v1/conversations/" + one + "/merge", "{\"sourceId\":\"" + other + "\"}")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Only conversations of the same contact can be merged"));
        mvc.perform(as(agent, postJson("/api/v1/conversations/" + one + "/merge", "{\"sourceId\":\"" + one + "\"}")))
                .andExpect(status().isBadRequest());
        mvc.perform(as(agent, postJson("/api/v1/conversations/" + one + "/merge", "{}")))
                .andExpect(status().isBadRequest());
        mvc.perform(as(agent, postJson("/api/v1/conversations/" + one + "/merge",
                        "{\"sourceId\":\"" + UUID.randomUUID() + "\"}")))
                .andExpect(status().isNotFound());
        assertThat(conversations.get(other).status()).isNotEqualTo(ConversationStatus.CLOSED);
    }

    private UUID conversationOf(String email, String text) {
        UUID id = conversations.start(new NewConversation("web", new Customer("Robin", email, null),
                SourceDetails.none(), null)).conversation().id();
        flow.receive(id, new IncomingMessage(text, null));
        return id;
    }

    private MockHttpServletRequestBuilder patchJson(UUID id, String body) {
        return patch("/api/v1/conversations/" + id).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder postJson(String url, String body) {
        return post(url).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder as(AgentPrincipal agent, MockHttpServletRequestBuilder request) {
        return request.with(user(agent)).with(csrf());
    }

    private AgentPrincipal principal(Role role) {
        return TestAgents.principal(TestAgents.create(agents, role));
    }

    private UUID conversationSaying(String text) {
        UUID id = conversations.start(new NewConversation("web", new Customer("Robin", null, null),
                SourceDetails.none(), null)).conversation().id();
        flow.receive(id, new IncomingMessage(text, null));
        return id;
    }
}
