package dev.parley.conversation;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.encryption.Encryption;
import dev.parley.encryption.EncryptionKeys;
import dev.parley.encryption.internal.ColumnProgress;
import dev.parley.encryption.internal.ReEncryption;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The conversation tables keep no plain personal text (ADR 0029), while pages, the API and inbox search still show
 * and find it, also after a key rotation whose old key is then removed, and for rows written before encryption.
 * Runs on H2 and on PostgreSQL, each in a database and data directory (with its key file) of its own.
 */
@AutoConfigureMockMvc
abstract class PersonalTextsAtRestContract {

    /** Every text column of the tables this module seals, by table. */
    private static final Map<String, List<String>> TEXT_COLUMNS = Map.ofEntries(
            Map.entry("message", List.of("body", "author_name")),
            Map.entry("conversation", List.of("subject", "customer_name", "customer_email")),
            Map.entry("conversation_source", List.of("page_url", "user_agent", "referrer")),
            Map.entry("contact", List.of("name", "email", "phone")),
            Map.entry("contact_handle", List.of("handle", "handle_hash")),
            Map.entry("csat_rating", List.of("comment")),
            Map.entry("conversation_term", List.of("term_hash")),
            Map.entry("conversation_thread", List.of("thread_key", "key_hash")),
            Map.entry("verified_conversation", List.of("customer_id", "customer_hash", "email")),
            Map.entry("message_attachment", List.of("filename")),
            Map.entry("message_delivery", List.of("last_error")));

    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;
    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow flow;
    @Autowired
    Contacts contacts;
    @Autowired
    Satisfaction satisfaction;
    @Autowired
    ConversationQueries queries;
    @Autowired
    EncryptionKeys keys;
    @Autowired
    Encryption encryption;
    @Autowired
    ReEncryption reEncryption;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    VerifiedCustomers verified;
    @Autowired
    Attachments attachments;
    @Autowired
    Deliveries deliveries;

    /** Marks one test's personal texts (letters only: it is one word for the search). */
    private final String marker = "zq" + new java.util.Random().ints(12, 'a', 'z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);

    private Conversation customerWrote(String text) {
        Conversation c = conversations.start(new NewConversation("web",
                new Customer("Zelda " + marker, marker + "@example.com", "v-" + marker),
                new SourceDetails("https://shop.example/?who=" + marker, "Browser " + marker, "https://ref.example/"
                        + marker), null)).conversation();
        flow.receive(c.id(), new IncomingMessage(text, null));
        return conversations.get(c.id());
    }

    @Test
    void theTablesHoldNoPlainPersonalTextWhilePagesAndTheApiShowIt() throws Exception {
        Conversation c = customerWrote("Where is my refund for order " + marker + "?");
        conversations.postReply(c.id(), AuthorType.AGENT, null, "Grace " + marker, "Looking into " + marker, false);
        conversations.postReply(c.id(), AuthorType.AGENT, null, "Grace", "Internal note on " + marker, true);
        conversations.changeStatus(c.id(), ConversationStatus.RESOLVED);
        satisfaction.rate(c.id(), 4, "Fine, " + marker);

        assertThat(rowsContaining(marker)).isEmpty();
        assertThat(rowsContaining("Zelda")).isEmpty();

        Conversation shown = conversations.get(c.id());
        assertThat(shown.customer()).isEqualTo(new Customer("Zelda " + marker, marker + "@example.com", null));
        assertThat(shown.subject()).contains(marker);
        assertThat(shown.source().pageUrl()).isEqualTo("https://shop.example/?who=" + marker);
        assertThat(conversations.transcript(c.id(), 0, 100)).extracting(Message::text)
                .contains("Where is my refund for order " + marker + "?", "Looking into " + marker,
                        "Internal note on " + marker);
        Contact contact = contacts.get(c.contactId());
        assertThat(contact.name()).isEqualTo("Zelda " + marker);
        assertThat(contact.handles()).contains(ContactHandle.email(marker + "@example.com"),
                ContactHandle.visitor("v-" + marker));
        assertThat(satisfaction.rating(c.id()).orElseThrow().comment()).isEqualTo("Fine, " + marker);
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        mvc.perform(get("/api/v1/conversations/" + c.id()).with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.conversation.customer.email").value(marker + "@example.com"))
                .andExpect(jsonPath("$.messages[*].text").value(Matchers.hasItem("Looking into " + marker)));
        mvc.perform(get("/api/v1/conversations").param("q", marker).with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].conversation.id").value(Matchers.contains(c.id().toString())))
                .andExpect(jsonPath("$.items[0].lastMessage").value(Matchers.containsString(marker)));
    }

    @Test
    void aKnownAddressFindsItsContactThroughTheLookupHash() {
        Conversation c = customerWrote("Hello");
        assertThat(contacts.byHandle(ContactHandle.email(" " + marker.toUpperCase(Locale.ROOT) + "@Example.com")))
                .map(Contact::id).contains(c.contactId());
        UUID again = contacts.resolve(List.of(ContactHandle.email(marker + "@example.com")), null);
        assertThat(again).isEqualTo(c.contactId());
        assertThat(jdbc.sql("SELECT handle_hash FROM contact_handle WHERE contact_id = :c AND kind = 'EMAIL'")
                .param("c", c.contactId()).query(String.class).list()).singleElement(as(InstanceOfAssertFactories.STRING))
                .startsWith(encryption.activeKeyId() + ":");
    }

    @Test
    void inboxSearchFindsWordsPrefixesNamesAndAddressesAndNothingThatIsNotThere() {
        Conversation c = customerWrote("Mon remboursement pour la commande " + marker + " n'est pas arrivé");
        Conversation other = customerWrote("Something else entirely");

        assertThat(found("remboursement")).contains(c.id()).doesNotContain(other.id());
        assertThat(found("rembou")).contains(c.id());
        assertThat(found("REMB " + marker)).containsExactly(c.id());
        assertThat(found("arrive")).contains(c.id());
        assertThat(found("Zelda " + marker)).contains(c.id(), other.id());
        assertThat(found(marker + "@example.com")).contains(c.id(), other.id());
        assertThat(found("remboursement " + marker + " entirely")).isEmpty();
        assertThat(found(marker + "x")).isEmpty();
        assertThat(found("-- !!")).isEmpty();
    }

    @Test
    void afterARotationAndRemovingTheOldKeySearchFindsOldAndNewConversations() throws Exception {
        String oldKey = encryption.activeKeyId();
        Conversation old = customerWrote("Parcel " + marker + " arrived damaged");
        awaitPassUnder(oldKey);

        String newKey = keys.rotate();
        awaitPassUnder(newKey);
        Conversation fresh = customerWrote("Invoice " + marker + " is wrong");

        Path file = Path.of(keys.source());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Files.write(file, lines.stream().filter(line -> !line.startsWith(oldKey + ":")).toList(),
                StandardCharsets.UTF_8);
        keys.reloadIfChanged();
        assertThat(encryption.keyIds()).doesNotContain(oldKey);

        assertThat(found("damag " + marker)).containsExactly(old.id());
        assertThat(found("invoice " + marker)).containsExactly(fresh.id());
        assertThat(found(marker)).containsExactlyInAnyOrder(old.id(), fresh.id());
        assertThat(conversations.transcript(old.id(), 0, 10)).extracting(Message::text)
                .contains("Parcel " + marker + " arrived damaged");
        assertThat(contacts.byHandle(ContactHandle.email(marker + "@example.com"))).isPresent();
    }

    @Test
    void rowsWrittenBeforeEncryptionAreSealedAndIndexedByTheBackgroundPass() {
        UUID contact = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("INSERT INTO contact (id, name, email, created_at, updated_at) VALUES (:id, :n, :e, :at, :at)")
                .param("id", contact).param("n", "Old " + marker).param("e", marker + "@legacy.example")
                .param("at", now).update();
        jdbc.sql("INSERT INTO contact_handle (kind, handle, contact_id, created_at) VALUES ('EMAIL', :h, :c, :at)")
                .param("h", marker + "@legacy.example").param("c", contact).param("at", now).update();
        jdbc.sql("""
                INSERT INTO conversation (id, channel, inbox_id, contact_id, status, priority, subject, customer_name,
                    customer_email, created_at, updated_at)
                VALUES (:id, 'email', '7e5b0000-0000-4000-8000-000000000001', :c, 'OPEN', 'MEDIUM', :s, :n, :e, :at, :at)""")
                .param("id", id).param("c", contact).param("s", "Legacy " + marker).param("n", "Old " + marker)
                .param("e", marker + "@legacy.example").param("at", now).update();
        jdbc.sql("""
                INSERT INTO message (id, conversation_id, author_type, author_name, body, created_at)
                VALUES (:m, :id, 'CUSTOMER', :n, :b, :at)""")
                .param("m", UUID.randomUUID()).param("id", id).param("n", "Old " + marker)
                .param("b", "A legacy complaint about " + marker).param("at", now).update();
        assertThat(contacts.byHandle(ContactHandle.email(marker + "@legacy.example"))).map(Contact::id).contains(contact);
        UUID inbox = UUID.fromString("7e5b0000-0000-4000-8000-000000000001");
        UUID message = jdbc.sql("SELECT id FROM message WHERE conversation_id = :id").param("id", id)
                .query(UUID.class).single();
        legacyThreadVerificationAttachmentAndDelivery(inbox, id, message, now);
        assertThat(conversations.findByThread(inbox, List.of("phone:+" + marker))).contains(id);
        assertThat(verified.conversationsOf("cust-" + marker, 5)).extracting(VerifiedConversation::conversationId)
                .containsExactly(id);

        reEncryption.startFullScan();
        await().atMost(Duration.ofSeconds(60)).until(() -> rowsContaining(marker).isEmpty() && allDone());

        assertThat(found("complaint " + marker)).containsExactly(id);
        assertThat(found("legacy.example")).contains(id);
        assertThat(conversations.get(id).customer().name()).isEqualTo("Old " + marker);
        assertThat(conversations.transcript(id, 0, 10)).extracting(Message::text)
                .containsExactly("A legacy complaint about " + marker);
        assertThat(contacts.byHandle(ContactHandle.email(marker + "@legacy.example"))).map(Contact::id).contains(contact);
        assertThat(conversations.findByThread(inbox, List.of("phone:+" + marker))).contains(id);
        assertThat(conversations.threadKeys(id)).containsExactly("phone:+" + marker);
        assertThat(verified.conversationsOf("cust-" + marker, 5)).extracting(VerifiedConversation::conversationId)
                .containsExactly(id);
        assertThat(verified.ofConversation(id)).map(VerifiedCustomer::customerId).contains("cust-" + marker);
        assertThat(attachments.ofConversation(id)).extracting(MessageAttachment::filename)
                .containsExactly("passport-" + marker + ".pdf");
        assertThat(deliveries.find(message)).map(Delivery::lastError).contains("Refused " + marker);
    }

    /** A thread key, a verified identity, a file and a failed delivery as rows from before V880/V881 hold them. */
    private void legacyThreadVerificationAttachmentAndDelivery(UUID inbox, UUID id, UUID message, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO conversation_thread (inbox_id, thread_key, conversation_id, created_at)
                VALUES (:inbox, :key, :id, :at)""")
                .param("inbox", inbox).param("key", "phone:+" + marker).param("id", id).param("at", now).update();
        jdbc.sql("""
                INSERT INTO verified_conversation (conversation_id, customer_id, email, verified_at)
                VALUES (:id, :customer, :email, :at)""")
                .param("id", id).param("customer", "cust-" + marker).param("email", marker + "@legacy.example")
                .param("at", now).update();
        jdbc.sql("""
                INSERT INTO message_attachment (id, message_id, filename, content_type, size_bytes, storage_key,
                    created_at) VALUES (:a, :m, :name, 'application/pdf', 3, 'attachments/legacy', :at)""")
                .param("a", UUID.randomUUID()).param("m", message).param("name", "passport-" + marker + ".pdf")
                .param("at", now).update();
        jdbc.sql("""
                INSERT INTO message_delivery (message_id, conversation_id, inbox_id, state, attempts, last_error,
                    created_at, updated_at) VALUES (:m, :id, :inbox, 'FAILED', 1, :error, :at, :at)""")
                .param("m", message).param("id", id).param("inbox", inbox).param("error", "Refused " + marker)
                .param("at", now).update();
    }

    private List<UUID> found(String text) {
        return queries.find(ConversationFilter.all().withText(text), 0, 100).items().stream()
                .map(summary -> summary.conversation().id()).toList();
    }

    /**
     * Rows (as {@code table.column}) of the sealed tables whose stored text contains {@code text}, any case, outside a
     * sealed value: the base64 of a sealed value holds any short word now and then ("Zelda" was once found in one).
     */
    private Set<String> rowsContaining(String text) {
        return TEXT_COLUMNS.entrySet().stream().flatMap(table -> table.getValue().stream()
                        .filter(column -> jdbc.sql("SELECT COUNT(*) FROM " + table.getKey() + " WHERE LOWER(" + column
                                        + ") LIKE :text AND " + column + " NOT LIKE :sealed")
                                .param("text", "%" + text.toLowerCase(Locale.ROOT) + "%")
                                .param("sealed", Encryption.PREFIX + "%")
                                .query(Long.class).single() > 0)
                        .map(column -> table.getKey() + "." + column))
                .collect(Collectors.toSet());
    }

    private void awaitPassUnder(String key) {
        reEncryption.startFullScan();
        await().atMost(Duration.ofSeconds(60)).until(() -> key.equals(encryption.activeKeyId()) && allDone()
                && reEncryption.progress().stream().allMatch(p -> key.equals(p.keyId())));
    }

    private boolean allDone() {
        return reEncryption.progress().stream().allMatch(p -> p.state() == ColumnProgress.State.DONE);
    }
}
