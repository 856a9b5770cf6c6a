package dev.parley.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.CustomerMessageFlow;
import dev.parley.conversation.IncomingMessage;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.SourceDetails;
import dev.parley.conversation.UnreadableSubject;
import dev.parley.identity.Agent;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.AuditLog;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.RealtimeEvent;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class ConversationApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;
    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow flow;
    @Autowired
    AuditLog audit;
    @Autowired
    RealtimeBus bus;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** Nobody online, so escalations stay unassigned and the role rules below are about these agents only. */
    @org.junit.jupiter.api.BeforeEach
    void nobodyOnline() {
        jdbc.sql("UPDATE agent_presence SET status = 'OFFLINE', manual = TRUE").update();
    }

    @Test
    void aConversationWhoseStoredTextCannotBeDecryptedAnswersAProblemThatSaysWhyWhileTheListStillAnswers()
            throws Exception {
        AgentPrincipal agent = principal(Role.AGENT);
        String word = "sealed" + UUID.randomUUID().toString().substring(0, 6);
        UUID damaged = conversationSaying("My " + word + " order");
        try (var unreadable = UnreadableSubject.of(jdbc, damaged)) {
            mvc.perform(as(agent, get("/api/v1/conversations/" + damaged)))
                    .andExpect(status().isInternalServerError())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("Unreadable data"))
                    .andExpect(jsonPath("$.type").value("urn:parley:problem:unreadable-data"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                            "restore the missing key")));
            mvc.perform(as(agent, get("/api/v1/conversations").param("q", word)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[0].conversation.id").value(damaged.toString()));
        }
    }

    @Test
    void listsFindsAndFiltersConversations() throws Exception {
        AgentPrincipal agent = principal(Role.AGENT);
        String word = "zebra" + UUID.randomUUID().toString().substring(0, 6);
        UUID found = conversationSaying("My " + word + " order never arrived");
        conversationSaying("Something else entirely");

        mvc.perform(as(agent, get("/api/v1/conversations").param("q", word.toUpperCase())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].conversation.id").value(found.toString()));
        mvc.perform(as(agent, get("/api/v1/conversations").param("q", word).param("status", "closed")))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(as(agent, get("/api/v1/conversations").param("q", word).param("view", "all").param("size", "5")))
                .andExpect(jsonPath("$.size").value(5));
    }

    @Test
    void listsTheNewestConversationFirstWhenSortedSo() throws Exception {
        AgentPrincipal agent = principal(Role.AGENT);
        String word = "okapi" + UUID.randomUUID().toString().substring(0, 6);
        UUID older = conversationSaying("My " + word + " order never arrived");
        UUID newer = conversationSaying("My " + word + " order is wrong");
        mvc.perform(as(agent, get("/api/v1/conversations").param("q", word)))
                .andExpect(jsonPath("$.items[0].conversation.id").value(older.toString()));
        mvc.perform(as(agent, get("/api/v1/conversations").param("q", word).param("sort", "newest")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].conversation.id").value(newer.toString()))
                .andExpect(jsonPath("$.items[1].conversation.id").value(older.toString()));
    }

    @Test
    void rejectsUnknownFilterValuesWith400() throws Exception {
        AgentPrincipal agent = principal(Role.AGENT);
        mvc.perform(as(agent, get("/api/v1/conversations").param("status", "SLEEPING")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(as(agent, get("/api/v1/conversations").param("view", "everything"))).andExpect(status().isBadRequest());
        mvc.perform(as(agent, get("/api/v1/conversations").param("assignee", "not-an-id"))).andExpect(status().isBadRequest());
        mvc.perform(as(agent, get("/api/v1/conversations").param("sort", "loudest")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("sort must be one of [waiting, newest, activity]"));
    }

    @Test
    void showsTheFullTranscriptWithInternalNotes() throws Exception {
        AgentPrincipal agent = principal(Role.AGENT);
        UUID id = conversationSaying("Where is my parcel?");
        mvc.perform(as(agent, post("/api/v1/conversations/" + id + "/messages")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Checked the courier\",\"internal\":true}")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.internal").value(true));
        mvc.perform(as(agent, get("/api/v1/conversations/" + id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.conversation.id").value(id.toString()))
                .andExpect(jsonPath("$.messages[0].text").value("Where is my parcel?"))
                .andExpect(jsonPath("$.messages[?(@.internal == true)].text").value("Checked the courier"));
        assertThat(conversations.visibleMessages(id, 0, 100)).noneMatch(m -> m.text().equals("Checked the courier"));
        mvc.perform(as(agent, get("/api/v1/conversations/" + UUID.randomUUID()))).andExpect(status().isNotFound());
    }

    @Test
    void aReplyReachesTheCustomerLiveAndANoteDoesNot() throws Exception {
        AgentPrincipal agent = principal(Role.AGENT);
        UUID id = conversationSaying("Hello?");
        List<RealtimeEvent> customerSees = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = bus.subscribe(RealtimeEvent.conversationTopic(id), customerSees::add)) {
            mvc.perform(as(agent, post("/api/v1/conversations/" + id + "/messages")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"private remark\",\"internal\":true}")))
                    .andExpect(status().isCreated());
            mvc.perform(as(agent, post("/api/v1/conversations/" + id + "/messages")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Hi, I am on it\"}")))
                    .andExpect(status().isCreated());
            await().atMost(Duration.ofSeconds(5)).until(() -> customerSees.stream().anyMatch(e -> e.type().equals("message")));
        }
        assertThat(customerSees.stream().filter(e -> e.type().equals("message")).map(e -> e.data().toString()))
                .anyMatch(text -> text.contains("Hi, I am on it"))
                .noneMatch(text -> text.contains("private remark"));
        assertThat(conversations.get(id).assigneeId()).isEqualTo(agent.id());
        assertThat(conversations.get(id).status()).isEqualTo(ConversationStatus.IN_PROGRESS);
    }

    @Test
    void rejectsBadMessagesAndBadPatches() throws Exception {
        AgentPrincipal agent = principal(Role.AGENT);
        UUID id = conversationSaying("Need help");
        mvc.perform(as(agent, post("/api/v1/conversations/" + id + "/messages")
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"  \"}"))).andExpect(status().isBadRequest());
        assertThat(conversations.get(id).assigneeId()).as("a refused reply takes nothing").isNull();
        mvc.perform(as(agent, post("/api/v1/conversations/" + id + "/messages")
                .contentType(MediaType.APPLICATION_JSON).content("not json"))).andExpect(status().isBadRequest());
        mvc.perform(as(agent, patchJson(id, "{\"status\":\"SLEEPING\"}"))).andExpect(status().isBadRequest());
        mvc.perform(as(agent, patchJson(id, "{\"priority\":\"SOMEDAY\"}"))).andExpect(status().isBadRequest());
        mvc.perform(as(agent, patchJson(id, "{\"assigneeId\":\"" + UUID.randomUUID() + "\"}"))).andExpect(status().isBadRequest());
        mvc.perform(as(agent, patchJson(id, "{\"teamId\":\"" + UUID.randomUUID() + "\"}"))).andExpect(status().isBadRequest());
        mvc.perform(as(agent, patchJson(id, "{\"status\":\"CLOSED\"}"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
        mvc.perform(as(agent, patchJson(id, "{\"status\":\"RESOLVED\"}")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(as(agent, patchJson(UUID.randomUUID(), "{\"priority\":\"HIGH\"}"))).andExpect(status().isNotFound());
    }

    @Test
    void aColleagueMayReplyInAndResolveAConversationWhoseOwnerKeepsIt() throws Exception {
        AgentPrincipal owner = principal(Role.AGENT);
        AgentPrincipal colleague = principal(Role.AGENT);
        UUID id = conversationSaying("Anyone there?");
        mvc.perform(as(owner, patchJson(id, "{\"assigneeId\":\"" + owner.id() + "\"}"))).andExpect(status().isOk());
        mvc.perform(as(colleague, post("/api/v1/conversations/" + id + "/messages")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Covering for my colleague: here is the answer\"}")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.authorName").value(colleague.name()));
        assertThat(conversations.get(id).assigneeId()).isEqualTo(owner.id());
        mvc.perform(as(colleague, patchJson(id, "{\"status\":\"RESOLVED\"}"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RESOLVED"))
                .andExpect(jsonPath("$.assigneeId").value(owner.id().toString()));
    }

    @Test
    void onlySupervisorsReassignSomeoneElsesConversationAndThatIsAudited() throws Exception {
        AgentPrincipal owner = principal(Role.AGENT);
        AgentPrincipal colleague = principal(Role.AGENT);
        AgentPrincipal supervisor = principal(Role.SUPERVISOR);
        UUID id = conversationSaying("Please help");
        mvc.perform(as(owner, patchJson(id, "{\"assigneeId\":\"" + owner.id() + "\",\"priority\":\"HIGH\"}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assigneeId").value(owner.id().toString()))
                .andExpect(jsonPath("$.priority").value("HIGH"));
        mvc.perform(as(colleague, patchJson(id, "{\"assigneeId\":\"" + colleague.id() + "\"}")))
                .andExpect(status().isForbidden());
        mvc.perform(as(supervisor, patchJson(id, "{\"assigneeId\":\"" + colleague.id() + "\"}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assigneeId").value(colleague.id().toString()));
        assertThat(audit.page("conversation.assigned", 0, 50))
                .anyMatch(e -> supervisor.id().equals(e.actorId()) && e.target().contains(id.toString()));
        mvc.perform(as(colleague, patchJson(id, "{\"assigneeId\":null}"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.assigneeId").doesNotExist());
    }

    @Test
    void anAgentsStatusAndAssignmentChangesAreAuditedToo() throws Exception {
        AgentPrincipal agent = principal(Role.AGENT);
        UUID id = conversationSaying("Where is my refund?");

        mvc.perform(as(agent, patchJson(id, "{\"assigneeId\":\"" + agent.id() + "\"}"))).andExpect(status().isOk());
        mvc.perform(as(agent, patchJson(id, "{\"status\":\"RESOLVED\"}"))).andExpect(status().isOk());

        assertThat(audit.page("conversation.assigned", 0, 100))
                .anyMatch(e -> agent.id().equals(e.actorId()) && e.target().contains(id.toString()));
        assertThat(audit.page("conversation.status", 0, 100))
                .anyMatch(e -> agent.id().equals(e.actorId()) && e.target().contains(id.toString())
                        && e.detail().endsWith("RESOLVED"));
    }

    @Test
    void theApiIsDescribedInTheOpenApiDocument() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/conversations'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/conversations/{id}'].patch").exists())
                .andExpect(jsonPath("$.paths['/api/v1/agents'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/audit'].get").exists());
    }

    private MockHttpServletRequestBuilder patchJson(UUID id, String json) {
        return patch("/api/v1/conversations/" + id).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private static MockHttpServletRequestBuilder as(AgentPrincipal agent, MockHttpServletRequestBuilder request) {
        // Bearer-free but authenticated: the API also serves signed-in browsers, which must send the CSRF token.
        return request.with(user(agent)).with(
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
    }

    private AgentPrincipal principal(Role role) {
        Agent agent = TestAgents.create(agents, role);
        return TestAgents.principal(agent);
    }

    private UUID conversationSaying(String text) {
        UUID id = conversations.start(new NewConversation("web", new Customer("Robin", null, null),
                SourceDetails.none(), null)).conversation().id();
        flow.receive(id, new IncomingMessage(text, null));
        return id;
    }
}
