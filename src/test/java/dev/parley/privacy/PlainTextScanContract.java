package dev.parley.privacy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.parley.action.ActionContext;
import dev.parley.action.ActionDefinition;
import dev.parley.action.ActionDefinition.Input;
import dev.parley.action.ActionDefinition.Request;
import dev.parley.action.ActionDefinition.ResponseField;
import dev.parley.action.ActionDefinition.Risk;
import dev.parley.action.ActionDefinition.Source;
import dev.parley.action.ActionDefinition.Type;
import dev.parley.action.Actions;
import dev.parley.analytics.AnalyticsFilter;
import dev.parley.analytics.AnalyticsReports;
import dev.parley.analytics.AnalyticsSummary;
import dev.parley.channel.web.WidgetIdentityTestSupport;
import dev.parley.conversation.AuthorType;
import dev.parley.encryption.EncryptedColumn;
import dev.parley.encryption.internal.ColumnProgress;
import dev.parley.encryption.internal.ReEncryption;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.Message;
import dev.parley.conversation.VerifiedCustomer;
import dev.parley.identity.Actor;
import dev.parley.identity.Agent;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.learning.internal.LearningQueue;
import dev.parley.mail.MailAddress;
import dev.parley.mail.MailUrl;
import dev.parley.mail.OutgoingMail;
import dev.parley.mail.SmtpMailer;
import dev.parley.support.ModuleListeners;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The proof of encryption at rest: one customer goes through every path that keeps their words or contact details
 * (the widget with a name and an email, a question the assistant answers, a hand-off, an agent's reply and internal
 * note, a file, a rating with a comment, an answer flagged with a note, the learning queue, an action call, a
 * webhook delivery, an email in through the email channel, the analytics projection), and then every text column
 * of every table of the schema, found through JDBC metadata, is read: none may hold the marker in plain text.
 * Runs on H2 and on PostgreSQL, each in a database and data directory of its own.
 */
@AutoConfigureMockMvc
@Import(WidgetIdentityTestSupport.class)
abstract class PlainTextScanContract {

    static final Duration WAIT = Duration.ofSeconds(60);
    /** The customer's phone number: random, so it cannot be in the demo data or another test's rows. */
    static final String PHONE = "+1555" + String.format("%07d", new java.security.SecureRandom().nextInt(10_000_000));
    static final String SMS_ACCOUNT = "AC" + UUID.randomUUID().toString().replace("-", "");
    static final String SMS_TOKEN = UUID.randomUUID().toString().replace("-", "");
    static final String SMS_PUBLIC = "https://sms.acme.test";
    /** The shop's API and mail server, for every database's context in this JVM (they stop with it). */
    static final WireMockServer SHOP = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final GreenMail MAIL = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    static {
        SHOP.start();
        SHOP.stubFor(WireMock.get(urlPathMatching("/orders/\\d+")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(
                        "{\"status\":\"shipped\",\"address\":\"1 Parcel Street\"}")));
        SHOP.stubFor(WireMock.post(urlPathMatching("/hooks")).willReturn(aResponse().withStatus(200).withBody("ok")));
        // Twilio refuses the number as it does (error 21211), naming it: the delivery's last error holds it.
        SHOP.stubFor(WireMock.post(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages.json")).willReturn(
                aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
                        "{\"code\":21211,\"message\":\"The 'To' number " + PHONE + " is not a valid phone number.\","
                                + "\"status\":400}")));
        MAIL.start();
        MAIL.setUser("support@acme.test", "support@acme.test", "s3cret");
    }

    /** The settings both databases share: the widget asks for a name and an email, an email inbox, local hosts. */
    static void sharedSettings(DynamicPropertyRegistry registry, String name) {
        registry.add("parley.data-dir", () -> "target/test-" + name + "-" + UUID.randomUUID());
        registry.add("parley.widget.pre-chat.enabled", () -> "true");
        registry.add("parley.widget.conversations-per-hour", () -> "1000");
        registry.add("parley.actions.allowed-hosts", () -> "localhost");
        registry.add("parley.email.inboxes[0].name", () -> "Acme Support");
        registry.add("parley.email.inboxes[0].address", () -> "support@acme.test");
        registry.add("parley.email.inboxes[0].imap-url", () -> "imap://support%40acme.test:s3cret@127.0.0.1:"
                + MAIL.getImap().getPort() + "/INBOX");
        registry.add("parley.email.inboxes[0].smtp-url", () -> "smtp://support%40acme.test:s3cret@127.0.0.1:"
                + MAIL.getSmtp().getPort());
        registry.add("parley.email.inboxes[0].poll-interval", () -> "1s");
        registry.add("parley.sms.inboxes[0].name", () -> "Acme SMS");
        registry.add("parley.sms.inboxes[0].phone-number", () -> "+15550001111");
        registry.add("parley.sms.inboxes[0].account-sid", () -> SMS_ACCOUNT);
        registry.add("parley.sms.inboxes[0].auth-token", () -> SMS_TOKEN);
        registry.add("parley.sms.public-base-url", () -> SMS_PUBLIC);
        registry.add("parley.sms.twilio-base-url", SHOP::baseUrl);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    Conversations conversations;
    @Autowired
    Agents agents;
    @Autowired
    Actions actions;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    AnalyticsReports reports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    WidgetIdentityTestSupport identity;
    @Autowired
    ReEncryption reEncryption;
    @Autowired
    List<EncryptedColumn> columns;
    @Autowired
    LearningQueue learning;

    /** In every text the customer gives; random, so it cannot be in the demo data or another test's rows. */
    private final String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @Test
    void noTableHoldsACustomersWordsOrAddressInPlainText() throws Exception {
        AgentPrincipal admin = TestAgents.principal(TestAgents.create(agents, Role.ADMIN));
        Agent agent = TestAgents.create(agents, Role.AGENT);
        await().atMost(WAIT).until(() -> !knowledge.search("return an item", 1).isEmpty());
        webhookFor(admin);

        UUID id = widgetCustomerIsAnsweredThenHandedToAnAgentAndRates(agent, widgetIdentityIsVerified());
        mvc.perform(post("/inbox/conversations/" + id + "/subject").with(user(TestAgents.principal(agent)))
                        .with(csrf()).param("subject", "Engraving for " + marker))
                .andExpect(status().is3xxRedirection());
        actionCallIn(id);
        emailFromTheCustomer();
        UUID texted = textFromTheCustomer(agent);
        await().atMost(WAIT).until(() -> ModuleListeners.incomplete(jdbc, "dev.parley") == 0);

        AnalyticsSummary summary = reports.summary(new AnalyticsFilter(LocalDate.now(ZoneOffset.UTC).minusDays(1),
                LocalDate.now(ZoneOffset.UTC), null, null));
        assertThat(summary.topQuestions()).as("analytics still groups the questions it keeps")
                .anySatisfy(q -> assertThat(q.example()).contains(marker));
        assertThat(learning.ofConversation(id)).as("the learning queue still reads what it keeps")
                .anySatisfy(p -> assertThat(p.question()).contains(marker));
        assertThat(actions.executionsInConversation(id, 10)).as("the action log still reads what it keeps")
                .anySatisfy(e -> assertThat(e.inputs()).contains(marker));
        assertThat(conversations.threadKeys(texted)).as("the SMS channel still reads the number back")
                .contains("phone:" + PHONE);
        assertThat(placesHolding(marker)).as("columns holding the customer's marker in plain text").isEmpty();
        assertThat(placesHolding(PHONE)).as("columns holding the customer's phone number in plain text").isEmpty();
    }

    /**
     * Rows written before their columns were sealed open as plain text, and the background pass seals every declared
     * column's rows (the pass fails on a column that does not exist): afterwards no declared column holds a value that
     * is not sealed, and the modules still read them.
     */
    @Test
    void rowsWrittenBeforeAreSealedByTheBackgroundPassAndStillRead() throws SQLException {
        UUID conversation = UUID.randomUUID();
        UUID proposal = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO analytics_conversation (conversation_id, channel, created_at, created_day, first_question)
                VALUES (:c, 'web', :at, :day, :q)""").param("c", conversation).param("at", OffsetDateTime.now(ZoneOffset.UTC))
                .param("day", LocalDate.now(ZoneOffset.UTC)).param("q", "Old question " + marker).update();
        jdbc.sql("""
                INSERT INTO learning_proposal (id, kind, state, conversation_id, message_id, question, answer, note,
                    created_at) VALUES (:id, 'ARTICLE', 'OPEN', :c, :m, :q, :a, :n, :at)""")
                .param("id", proposal).param("c", conversation).param("m", UUID.randomUUID())
                .param("q", "Old question " + marker).param("a", "Old answer " + marker).param("n", "Old note " + marker)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();
        assertThat(learning.get(proposal).question()).isEqualTo("Old question " + marker);

        reEncryption.startFullScan();

        // the pass runs on its own thread: until every column is done and none holds an unsealed value
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(reEncryption.progress()).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.state()).as(p.column()).isEqualTo(ColumnProgress.State.DONE));
            for (EncryptedColumn column : columns) {
                assertThat(jdbc.sql("SELECT COUNT(*) FROM " + column.table() + " WHERE " + column.column()
                                + " IS NOT NULL AND " + column.column() + " NOT LIKE 'enc:v1:%'").query(Long.class)
                        .single()).as(column.table() + "." + column.column() + " values left unsealed").isZero();
            }
        });
        assertThat(placesHolding(marker)).isEmpty();
        assertThat(learning.get(proposal).question()).isEqualTo("Old question " + marker);
        assertThat(learning.get(proposal).note()).isEqualTo("Old note " + marker);
        assertThat(reports.summary(new AnalyticsFilter(LocalDate.now(ZoneOffset.UTC), LocalDate.now(ZoneOffset.UTC),
                null, null)).topQuestions()).anySatisfy(q -> assertThat(q.example()).contains(marker));
    }

    private UUID widgetCustomerIsAnsweredThenHandedToAnAgentAndRates(Agent agent, String identityToken)
            throws Exception {
        JsonNode started = json.readTree(mvc.perform(post("/api/v1/widget/conversations")
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                                "name", "Zelda " + marker, "email", marker + "@example.com",
                                "pageUrl", "https://shop.example/help?ref=" + marker,
                                "identityToken", identityToken))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        UUID id = UUID.fromString(started.get("conversationId").asString());
        String token = started.get("token").asString();
        widget(id, token, "/messages", Map.of("text", "How do I return an item? I am " + marker));
        mvc.perform(multipart("/api/v1/widget/conversations/" + id + "/attachments")
                        .file(new MockMultipartFile("files", "receipt-" + marker + ".txt", "text/plain",
                                ("receipt of " + marker).getBytes()))
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().is2xxSuccessful());
        Message answer = conversations.transcript(id, 0, 50).stream()
                .filter(m -> m.authorType() == AuthorType.ASSISTANT && !m.internal()).findFirst().orElseThrow();
        mvc.perform(post("/inbox/conversations/" + id + "/messages/" + answer.id() + "/flags")
                        .with(user(TestAgents.principal(agent))).with(csrf())
                        .param("reason", "OUTDATED").param("note", "Outdated for " + marker))
                .andExpect(status().is3xxRedirection());
        widget(id, token, "/messages", Map.of("text", "Do you engrave the flask for " + marker + "?"));
        if (conversations.get(id).status() != ConversationStatus.ESCALATED) {
            conversations.escalate(id, EscalationReason.HUMAN_REQUESTED, 0.2);
        }
        conversations.postReply(id, AuthorType.AGENT, agent.id(), agent.name(), "Yes we engrave, " + marker, false);
        conversations.postReply(id, AuthorType.AGENT, agent.id(), agent.name(), "note about " + marker, true);
        conversations.changeStatus(id, ConversationStatus.RESOLVED);
        widget(id, token, "/rating", Map.of("rating", 2, "comment", "Slow, " + marker));
        return id;
    }

    /** The shop signs its signed-in customer's id and email; the widget holds a session token for them. */
    private String widgetIdentityIsVerified() throws Exception {
        String secret = identity.newSecret();
        long now = Instant.now().getEpochSecond();
        String email = marker + "@example.com";
        JsonNode verified = json.readTree(mvc.perform(post("/api/v1/widget/identity")
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                                "userId", "cust-" + marker, "email", email, "timestamp", now, "name", "Zelda " + marker,
                                "signature", identity.sign(secret, "cust-" + marker, email, now)))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(verified.get("verified").asBoolean()).as(verified.toString()).isTrue();
        return verified.get("token").asString();
    }

    private void widget(UUID id, String token, String path, Map<String, Object> body) throws Exception {
        mvc.perform(post("/api/v1/widget/conversations/" + id + path).header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().is2xxSuccessful());
    }

    private void webhookFor(AgentPrincipal admin) throws Exception {
        mvc.perform(post("/api/v1/admin/webhooks").with(user(admin)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                                "url", SHOP.baseUrl() + "/hooks", "events", List.of("conversation.created",
                                        "message.created", "conversation.escalated", "csat.submitted")))))
                .andExpect(status().isCreated());
    }

    /** The shop's order lookup, run for the customer with an order number they gave and a reply with their address. */
    private void actionCallIn(UUID conversationId) {
        ActionDefinition orders = actions.save(Actor.SYSTEM, new ActionDefinition(null, "order_status_" + marker
                .substring(2, 8), "Where an order is", List.of("Where is my order?"),
                List.of(new Input("order", Type.STRING, Source.ASK, true, null, List.of(), "Which order?", false)),
                new Request("GET", SHOP.baseUrl() + "/orders/4711?ref={{order}}", Map.of(), null), null,
                List.of(new ResponseField("status", "$.status", true, false)),
                "Order {{order}} is {{status}}.", Risk.READ, false, null, false, 2000, null, null, null, null, null));
        actions.run(orders.id(), new ActionContext(conversationId,
                new VerifiedCustomer("cust-" + marker, marker + "@example.com", Instant.now()),
                Map.of("order", "4711-" + marker), false, false));
    }

    /**
     * Two texts through the SMS channel, signed as Twilio signs them: the second finds the first one's conversation
     * by the number's thread key; an agent's reply fails at Twilio, which names the number.
     */
    private UUID textFromTheCustomer(Agent agent) throws Exception {
        UUID inbox = jdbc.sql("SELECT id FROM inbox WHERE name = 'Acme SMS'").query(UUID.class).single();
        for (String text : List.of("Where is my parcel " + marker, "Any news " + marker)) {
            String path = "/api/v1/channels/twilio/" + inbox + "/messages";
            Map<String, String> params = new java.util.TreeMap<>(Map.of("AccountSid", SMS_ACCOUNT, "From", PHONE,
                    "To", "+15550001111", "Body", text, "MessageSid", "SM" + UUID.randomUUID().toString()
                            .replace("-", ""), "NumMedia", "0"));
            var request = post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .header("X-Twilio-Signature", twilioSignature(SMS_PUBLIC + path, params));
            params.forEach(request::param);
            mvc.perform(request).andExpect(status().is2xxSuccessful());
        }
        List<UUID> threads = jdbc.sql("SELECT id FROM conversation WHERE channel = 'sms'").query(UUID.class).list();
        assertThat(threads).as("both texts in one conversation").hasSize(1);
        conversations.postReply(threads.getFirst(), AuthorType.AGENT, agent.id(), agent.name(), "Tomorrow, " + marker,
                false);
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT COUNT(*) FROM message_delivery WHERE state = 'FAILED'"
                + " AND conversation_id = :c").param("c", threads.getFirst()).query(Long.class).single() > 0);
        return threads.getFirst();
    }

    /** Twilio's signature: HMAC-SHA1 of the URL followed by the parameters' names and values in name order. */
    private static String twilioSignature(String url, Map<String, String> sortedParams) throws Exception {
        StringBuilder data = new StringBuilder(url);
        sortedParams.forEach((name, value) -> data.append(name).append(value));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(SMS_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return java.util.Base64.getEncoder().encodeToString(mac.doFinal(data.toString()
                .getBytes(StandardCharsets.UTF_8)));
    }

    private void emailFromTheCustomer() throws Exception {
        String subject = "Parcel for " + marker;
        new SmtpMailer(Duration.ofSeconds(10)).send(MailUrl.parse("smtp://127.0.0.1:" + MAIL.getSmtp().getPort()),
                new OutgoingMail(new MailAddress("Zelda " + marker, marker + "@example.com"),
                        List.of(new MailAddress(null, "support@acme.test")), subject,
                        "My parcel for " + marker + " is late", null, "<" + UUID.randomUUID() + "@example.test>", null,
                        List.of(), Map.of()));
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT COUNT(*) FROM conversation WHERE channel = 'email'")
                .query(Long.class).single() > 0);
    }

    /** Every table.column of the schema holding {@code text} (case-insensitively), but for the pending tables. */
    private List<String> placesHolding(String text) throws SQLException {
        List<String> found = new ArrayList<>();
        int scanned = 0;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet columns = meta.getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
                while (columns.next()) {
                    String table = columns.getString("TABLE_NAME").toLowerCase();
                    String column = columns.getString("COLUMN_NAME").toLowerCase();
                    if (!isText(columns.getInt("DATA_TYPE"), columns.getString("TYPE_NAME"))) {
                        continue;
                    }
                    scanned++;
                    long hits = jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE LOWER(CAST(" + column
                                    + " AS VARCHAR)) LIKE :like")
                            .param("like", "%" + text.toLowerCase() + "%").query(Long.class).single();
                    if (hits > 0) {
                        found.add(table + "." + column);
                    }
                }
            }
        }
        assertThat(scanned).as("text columns scanned").isGreaterThan(80);
        return found;
    }

    private static boolean isText(int jdbcType, String typeName) {
        return switch (jdbcType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.NCHAR, Types.NVARCHAR,
                 Types.LONGNVARCHAR, Types.NCLOB -> true;
            default -> typeName != null && (typeName.toLowerCase().contains("char")
                    || typeName.equalsIgnoreCase("text") || typeName.equalsIgnoreCase("json")
                    || typeName.equalsIgnoreCase("jsonb"));
        };
    }
}
