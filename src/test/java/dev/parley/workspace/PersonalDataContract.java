package dev.parley.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.conversation.Attachments;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Contacts;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.CustomerMessageFlow;
import dev.parley.conversation.InboundAttachment;
import dev.parley.conversation.IncomingMessage;
import dev.parley.conversation.Message;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.Satisfaction;
import dev.parley.conversation.SourceDetails;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.AuditLog;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.storage.FileStorage;
import dev.parley.storage.StorageKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * GDPR for admins: a contact's data comes out as one JSON download, and erasure leaves no personal text in any
 * table while the conversations still count. Both are audited; agents below admin get neither. Runs on H2 and on
 * PostgreSQL, each in a database and data directory of its own.
 */
@AutoConfigureMockMvc
abstract class PersonalDataContract {

    @Autowired
    List<dev.parley.encryption.EncryptedColumn> sealedColumns;
    @Autowired
    dev.parley.encryption.Encryption encryption;
    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;
    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow customerMessages;
    @Autowired
    Contacts contacts;
    @Autowired
    Attachments attachments;
    @Autowired
    Satisfaction satisfaction;
    @Autowired
    FileStorage storage;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    dev.parley.workspace.internal.RetentionSweep retention;

    /** Marks every personal text of one test's contact, so a scan of the database finds any copy left. */
    private final String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @Test
    void anAdminExportsEverythingKeptAboutAContactAsAJsonDownload() throws Exception {
        AgentPrincipal admin = TestAgents.principal(TestAgents.create(agents, Role.ADMIN));
        Conversation c = conversationWithEverything();
        long before = audit.count("contact.exported");

        mvc.perform(get("/api/v1/contacts/" + c.contactId() + "/export").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(jsonPath("$.contact.name").value("Zelda " + marker))
                .andExpect(jsonPath("$.contact.email").value(marker + "@example.com"))
                .andExpect(jsonPath("$.contact.handles[*].value").value(hasItem(marker + "@example.com")))
                .andExpect(jsonPath("$.conversations[0].id").value(c.id().toString()))
                .andExpect(jsonPath("$.conversations[0].channel").value("web"))
                .andExpect(jsonPath("$.conversations[0].inboxName").value("Website chat"))
                .andExpect(jsonPath("$.conversations[0].status").value("RESOLVED"))
                .andExpect(jsonPath("$.conversations[0].resolvedAt").exists())
                .andExpect(jsonPath("$.conversations[0].messages[*].text")
                        .value(hasItem("Where is order " + marker + "?")))
                .andExpect(jsonPath("$.conversations[0].messages[*].authorType").value(hasItem("AGENT")))
                .andExpect(jsonPath("$.conversations[0].csat.rating").value(2))
                .andExpect(jsonPath("$.conversations[0].csat.comment").value("Slow, " + marker))
                .andExpect(jsonPath("$.actionCalls[0].conversationId").value(c.id().toString()))
                .andExpect(jsonPath("$.actionCalls[0].action").value("order_status"))
                .andExpect(jsonPath("$.actionCalls[0].inputs").value(containsString(marker + "@example.com")))
                .andExpect(jsonPath("$.actionCalls[0].answer").value("Your parcel goes to 1 " + marker + " Street"))
                .andExpect(content().string(not(containsString("note about " + marker))));
        assertThat(audit.count("contact.exported")).isEqualTo(before + 1);
    }

    @Test
    void onlyAdminsExportOrEraseAndAnUnknownContactIsAProblem() throws Exception {
        AgentPrincipal admin = TestAgents.principal(TestAgents.create(agents, Role.ADMIN));
        Conversation c = conversation();
        for (Role role : List.of(Role.AGENT, Role.SUPERVISOR)) {
            AgentPrincipal below = TestAgents.principal(TestAgents.create(agents, role));
            mvc.perform(get("/api/v1/contacts/" + c.contactId() + "/export").with(user(below)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/contacts/" + c.contactId() + "/erase").with(user(below)).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/inbox/conversations/" + c.id() + "/contact/erase").with(user(below)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertThat(contacts.get(c.contactId()).name()).isEqualTo("Zelda " + marker);
        mvc.perform(get("/api/v1/contacts/" + UUID.randomUUID() + "/export").with(user(admin)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/contacts/" + UUID.randomUUID() + "/erase").with(user(admin)).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void erasureLeavesNoPersonalTextAnywhereWhileTheConversationStillCounts() throws Exception {
        AgentPrincipal admin = TestAgents.principal(TestAgents.create(agents, Role.ADMIN));
        List<StorageKey> othersFiles = storage.list("attachments/");
        Conversation c = conversationWithEverything();
        UUID proposal = proposalFrom(c);
        assertThat(storage.list("attachments/")).hasSize(othersFiles.size() + 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> !placesHolding(marker).isEmpty()
                && analyticsKeptTheQuestion(c));
        long before = audit.count("contact.erased");

        mvc.perform(post("/api/v1/contacts/" + c.contactId() + "/erase").with(user(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.conversationIds[0]").value(c.id().toString()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(placesHolding(marker)).isEmpty());
        assertThat(storage.list("attachments/")).isEqualTo(othersFiles);
        assertThat(attachments.ofConversation(c.id())).isEmpty();
        assertThat(conversations.transcript(c.id(), 0, 100)).extracting(Message::text).containsOnly("(erased)");
        assertThat(contacts.get(c.contactId()).handles()).isEmpty();
        assertThat(conversations.get(c.id()).status()).isEqualTo(ConversationStatus.RESOLVED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM analytics_conversation WHERE conversation_id = :id")
                .param("id", c.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT rating FROM csat_rating WHERE conversation_id = :id").param("id", c.id())
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT latency_ms FROM action_execution WHERE conversation_id = :id")
                .param("id", c.id()).query(Long.class).single()).as("the call still counts").isEqualTo(42);
        assertThat(jdbc.sql("SELECT state FROM learning_proposal WHERE id = :id").param("id", proposal)
                .query(String.class).single()).isEqualTo("DISMISSED");
        assertThat(audit.count("contact.erased")).isEqualTo(before + 1);

        mvc.perform(post("/inbox/conversations/" + c.id() + "/contact/erase").with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/inbox/conversations/" + c.id() + "?erased"));
        assertThat(placesHolding(marker)).isEmpty();
        assertThat(audit.count("contact.erased")).isEqualTo(before + 2);
    }

    @Test
    void retentionAnonymisesOnlyConversationsFinishedBeforeThePeriodAndContactsWithNothingKept() {
        long before = audit.count("retention.anonymised");
        Conversation old = conversationWithEverything();
        await().atMost(Duration.ofSeconds(20)).until(() -> analyticsKeptTheQuestion(old));
        // The learning queue has made its proposal from the resolution: the period passed long ago, so nothing may
        // still be writing copies when retention comes (a race only a test that backdates rows can have).
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication"
                + " WHERE completion_date IS NULL AND listener_id LIKE 'dev.parley.learning.%'")
                .query(Long.class).single() == 0);
        String other = "zr" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Conversation stillOpen = conversations.start(new NewConversation("web",
                new Customer("Olga " + other, other + "@example.com", null), SourceDetails.none(), null)).conversation();
        customerMessages.receive(stillOpen.id(), new IncomingMessage("Open question " + other, null));
        String recent = "zs" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Conversation resolvedLately = conversations.start(new NewConversation("web",
                new Customer("Rita " + recent, recent + "@example.com", null), SourceDetails.none(), null))
                .conversation();
        conversations.postReply(resolvedLately.id(), AuthorType.AGENT, null, "Agent Ann", "Done " + recent, false);
        conversations.changeStatus(resolvedLately.id(), ConversationStatus.RESOLVED);
        OffsetDateTime longAgo = OffsetDateTime.now().minusDays(400);
        for (Conversation c : List.of(old, stillOpen)) {
            jdbc.sql("UPDATE conversation SET updated_at = :at WHERE id = :id").param("at", longAgo)
                    .param("id", c.id()).update();
            jdbc.sql("UPDATE message SET created_at = :at WHERE conversation_id = :id").param("at", longAgo)
                    .param("id", c.id()).update();
            jdbc.sql("UPDATE contact SET updated_at = :at WHERE id = :id").param("at", longAgo)
                    .param("id", c.contactId()).update();
        }
        java.time.Instant cutoff = java.time.Instant.now().minus(Duration.ofDays(365));

        var done = retention.anonymiseBefore(cutoff);

        assertThat(done.conversationIds()).containsExactly(old.id());
        assertThat(done.contactIds()).containsExactly(old.contactId());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(placesHolding(marker)).isEmpty());
        assertThat(conversations.transcript(old.id(), 0, 100)).extracting(Message::text).containsOnly("(erased)");
        assertThat(conversations.get(old.id()).status()).isEqualTo(ConversationStatus.RESOLVED);
        assertThat(jdbc.sql("SELECT rating FROM csat_rating WHERE conversation_id = :id").param("id", old.id())
                .query(Integer.class).single()).isEqualTo(2);
        // everything is sealed at rest, so what is kept is proven by reading it back, not by finding it in plain text
        assertThat(contacts.get(stillOpen.contactId()).name()).isEqualTo("Olga " + other);
        assertThat(placesHolding(other)).as("the check opens sealed columns, so it finds what was kept")
                .contains("message.body", "contact.name");
        assertThat(conversations.transcript(stillOpen.id(), 0, 100)).extracting(Message::text)
                .contains("Open question " + other);
        assertThat(conversations.transcript(resolvedLately.id(), 0, 100)).extracting(Message::text)
                .contains("Done " + recent);
        assertThat(contacts.get(resolvedLately.contactId()).name()).isEqualTo("Rita " + recent);
        assertThat(audit.count("retention.anonymised")).isEqualTo(before + 1);

        assertThat(retention.anonymiseBefore(cutoff).isEmpty()).isTrue();
        assertThat(audit.count("retention.anonymised")).isEqualTo(before + 1);
    }

    @Test
    void aRetentionPeriodShorterThanADayIsRefusedAtStart() {
        assertThat(new dev.parley.workspace.RetentionSettings(Duration.ZERO, Duration.ofHours(1), 500).enabled())
                .isFalse();
        assertThat(new dev.parley.workspace.RetentionSettings(Duration.ofDays(365), Duration.ofHours(1), 500)
                .enabled()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new dev.parley.workspace.RetentionSettings(
                        Duration.ofMinutes(30), Duration.ofHours(1), 500))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parley.retention.anonymise-after");
    }

    @Test
    void theContactPanelOffersExportAndErasureToAdminsOnly() throws Exception {
        Conversation c = conversation();
        AgentPrincipal admin = TestAgents.principal(TestAgents.create(agents, Role.ADMIN));
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        mvc.perform(get("/inbox/conversations/" + c.id()).with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/contacts/" + c.contactId() + "/export")))
                .andExpect(content().string(containsString("/inbox/conversations/" + c.id() + "/contact/erase")));
        mvc.perform(get("/inbox/conversations/" + c.id()).with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/contact/erase"))))
                .andExpect(content().string(not(containsString("Export data"))));
    }

    private Conversation conversation() {
        return conversations.start(new NewConversation("web", new Customer("Zelda " + marker, marker + "@example.com",
                null), new SourceDetails("https://shop.example/" + marker, "Agent " + marker, null), null))
                .conversation();
    }

    /** A conversation with every kind of personal text: messages, a note, an attachment, a rating comment. */
    private Conversation conversationWithEverything() {
        Conversation c = conversation();
        Message question = customerMessages.receive(c.id(), new IncomingMessage("Where is order " + marker + "?", null))
                .message();
        attachments.attach(question.id(), new InboundAttachment(marker + ".txt", "text/plain",
                ("receipt " + marker).getBytes(StandardCharsets.UTF_8)), 0);
        conversations.postReply(c.id(), AuthorType.AGENT, null, "Agent Ann", "Order " + marker + " ships today", false);
        conversations.postReply(c.id(), AuthorType.AGENT, null, "Agent Ann", "note about " + marker, true);
        conversations.changeStatus(c.id(), ConversationStatus.RESOLVED);
        satisfaction.rate(c.id(), 2, "Slow, " + marker);
        actionCallIn(c.id());
        return conversations.get(c.id());
    }

    /** An action call logged for the conversation, and a question of an action still waiting for its answer. */
    private void actionCallIn(UUID conversationId) {
        jdbc.sql("""
                INSERT INTO action_execution (id, action_id, action_name, conversation_id, status, http_status,
                    latency_ms, inputs, outputs, answer, error, idempotency_key, mock, created_at)
                VALUES (:id, :action, 'order_status', :c, 'SUCCEEDED', 200, 42, :inputs, :outputs, :answer, :error,
                    :key, FALSE, :at)""")
                .param("id", UUID.randomUUID()).param("action", UUID.randomUUID()).param("c", conversationId)
                .param("inputs", "{\"email\":\"" + marker + "@example.com\"}")
                .param("outputs", "{\"address\":\"1 " + marker + " Street\"}")
                .param("answer", "Your parcel goes to 1 " + marker + " Street").param("error", "none " + marker)
                .param("key", "k" + marker).param("at", OffsetDateTime.now()).update();
        jdbc.sql("""
                INSERT INTO action_pending (conversation_id, action_id, given, awaiting, attempts, updated_at)
                VALUES (:c, :action, :given, 'order', 0, :at)""")
                .param("c", conversationId).param("action", UUID.randomUUID())
                .param("given", "{\"email\":\"" + marker + "@example.com\"}").param("at", OffsetDateTime.now())
                .update();
    }

    private UUID proposalFrom(Conversation c) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO learning_proposal (id, kind, state, conversation_id, message_id, question, answer, note,
                    created_at) VALUES (:id, 'ARTICLE', 'OPEN', :c, :m, :q, :a, :n, :at)""")
                .param("id", id).param("c", c.id()).param("m", UUID.randomUUID())
                .param("q", "Where is order " + marker).param("a", "It ships, " + marker).param("n", "by " + marker)
                .param("at", OffsetDateTime.now()).update();
        return id;
    }

    /** The analytics projection has the conversation's question (sealed, so it is not found as text). */
    private boolean analyticsKeptTheQuestion(Conversation c) {
        return jdbc.sql("SELECT COUNT(*) FROM analytics_conversation WHERE conversation_id = :id"
                + " AND first_question IS NOT NULL").param("id", c.id()).query(Long.class).single() > 0;
    }

    /** Every table.column of the schema holding {@code text}, case-insensitively. */
    /**
     * Every column holding the text, sealed columns opened first (with the purpose their module declared): erasing
     * must remove the words, not just find them sealed.
     */
    private List<String> placesHolding(String text) {
        List<Map<String, Object>> columns = jdbc.sql("""
                SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA
                AND (LOWER(data_type) LIKE '%char%' OR LOWER(data_type) IN ('text', 'clob'))""")
                .query().listOfRows();
        Map<String, String> purposes = new java.util.HashMap<>();
        sealedColumns.forEach(c -> purposes.putIfAbsent(c.table() + "." + c.column(), c.purpose()));
        String wanted = text.toLowerCase();
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = ((String) column.get("table_name")).toLowerCase();
            String name = ((String) column.get("column_name")).toLowerCase();
            String purpose = purposes.get(table + "." + name);
            boolean hit;
            if (purpose == null) {
                hit = jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE LOWER(CAST(" + name + " AS VARCHAR))"
                        + " LIKE :like").param("like", "%" + wanted + "%").query(Long.class).single() > 0;
            } else {
                hit = jdbc.sql("SELECT CAST(" + name + " AS VARCHAR) FROM " + table + " WHERE " + name + " IS NOT NULL")
                        .query(String.class).list().stream()
                        .anyMatch(value -> opened(value, purpose).toLowerCase().contains(wanted));
            }
            if (hit) {
                found.add(table + "." + name);
            }
        }
        assertThat(purposes).as("the sealed columns are declared").isNotEmpty();
        assertThat(columns).hasSizeGreaterThan(50);
        return found;
    }

    private String opened(String value, String purpose) {
        try {
            return encryption.decrypt(value, purpose);
        } catch (RuntimeException e) {
            return value;
        }
    }
}
