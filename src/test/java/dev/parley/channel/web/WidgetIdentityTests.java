package dev.parley.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.encryption.TestKeys;
import dev.parley.identity.Actor;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verified widget identity: the signing code the admin page shows (run with java, node, python3 and php) verifies a
 * customer; stale, replayed and wrong signatures leave the visitor anonymous; rotation keeps the previous secret for
 * its grace; a verified customer finds their conversations on another device; agents see the verified mark.
 */
@SpringBootTest(properties = {"parley.widget.conversations-per-hour=1000", "parley.widget.messages-per-minute=1000"})
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WidgetIdentityTests {

    private static final AtomicInteger IP = new AtomicInteger(1);

    @DynamicPropertySource
    static void ownData(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/test-widget-identity-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:widget-identity-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    WidgetIdentitySecrets secrets;
    @Autowired
    Agents agents;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    @Order(1)
    void withoutASigningSecretNobodyIsVerified() throws Exception {
        JsonNode result = verify(signed("cust-0", "zero@example.com", now(), "ab".repeat(32)));
        assertThat(result.get("verified").asBoolean()).isFalse();
        assertThat(result.get("reason").asString()).isEqualTo("NOT_CONFIGURED");
    }

    @Test
    @Order(2)
    void theSecretIsShownOnceOnTheAdminPageAndStoredEncrypted() throws Exception {
        String secret = (String) mvc.perform(post("/admin/widget-identity/rotate").with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("secret"))
                .andReturn().getFlashMap().get("secret");
        assertThat(secret).startsWith("pis_");

        String page = adminPage();
        assertThat(page).doesNotContain(secret).contains("Current").contains("Rotate secret");
        assertThat(jdbc.sql("SELECT secret FROM widget_identity_secret").query(String.class).list())
                .singleElement().satisfies(stored -> assertThat(stored).startsWith("enc:v1:").doesNotContain(secret));
        assertThat(verify(sign(secret, "cust-1", "one@example.com", now())).get("verified").asBoolean()).isTrue();
    }

    @Test
    void theSigningCodeOnTheAdminPageVerifiesACustomerInEveryLanguage() throws Exception {
        String secret = secrets.rotate(Actor.SYSTEM);
        String page = adminPage();
        for (SigningSnippet snippet : SigningSnippet.values()) {
            String userId = "cust-" + snippet.name().toLowerCase() + "-" + UUID.randomUUID();
            JsonNode attributes = json.readTree(snippet.sign(page, dir, secret, userId, "ada+" + snippet + "@example.com"));
            JsonNode accepted = verify(fromAttributes(attributes));
            assertThat(accepted.get("verified").asBoolean()).as(snippet + " signs").isTrue();
            assertThat(accepted.get("userId").asString()).isEqualTo(userId);
            assertThat(accepted.get("token").asString()).startsWith("pvi_");

            JsonNode forged = json.readTree(snippet.sign(page, dir, "pis_wrong", userId, "ada@example.com"));
            assertThat(verify(fromAttributes(forged)).get("reason").asString()).as(snippet + " wrong secret")
                    .isEqualTo("BAD_SIGNATURE");
        }
    }

    @Test
    void staleReplayedAndWrongSignaturesLeaveTheVisitorAnonymousWithTheReason() throws Exception {
        String secret = secrets.rotate(Actor.SYSTEM);
        assertThat(verify(sign(secret, "cust-2", "two@example.com", now() - 11 * 60)).get("reason").asString())
                .isEqualTo("STALE");
        assertThat(verify(sign(secret, "cust-2", "two@example.com", now() + 5 * 60)).get("reason").asString())
                .isEqualTo("STALE");

        Map<String, Object> once = sign(secret, "cust-2", "two@example.com", now() - 60);
        assertThat(verify(once).get("verified").asBoolean()).isTrue();
        JsonNode replayed = verify(once);
        assertThat(replayed.get("verified").asBoolean()).isFalse();
        assertThat(replayed.get("reason").asString()).isEqualTo("REPLAYED");
        assertThat(replayed.has("token")).isFalse();

        Map<String, Object> otherEmail = sign(secret, "cust-2", "two@example.com", now());
        otherEmail.put("email", "someone-else@example.com");
        assertThat(verify(otherEmail).get("reason").asString()).isEqualTo("BAD_SIGNATURE");
    }

    @Test
    void aMalformedIdentityIsABadRequestNeverAnError() throws Exception {
        mvc.perform(widget(post("/api/v1/widget/identity"))
                        .content("{\"userId\":\"c\",\"email\":\"c@example.com\",\"timestamp\":1,\"signature\":\"xyz\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(widget(post("/api/v1/widget/identity")).content("{\"userId\":\"c\",\"timestamp\":\"soon\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(widget(get("/api/v1/widget/identity/conversations")).header("Authorization", "Bearer pvi_unknown"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void afterARotationThePreviousSecretWorksUntilAnAdminStopsIt() throws Exception {
        String previous = secrets.rotate(Actor.SYSTEM);
        String current = secrets.rotate(Actor.SYSTEM);
        assertThat(verify(sign(previous, "cust-3", "three@example.com", now())).get("verified").asBoolean()).isTrue();
        assertThat(verify(sign(current, "cust-3", "three@example.com", now())).get("verified").asBoolean()).isTrue();

        secrets.revokePrevious(Actor.SYSTEM);

        assertThat(verify(sign(previous, "cust-3", "three@example.com", now())).get("reason").asString())
                .isEqualTo("BAD_SIGNATURE");
        // another customer: the same customer signed in the same second as above would be a replay
        assertThat(verify(sign(current, "cust-4", "four@example.com", now())).get("verified").asBoolean()).isTrue();
    }

    @Test
    void aPreviousSecretThatCannotBeDecryptedAnyMoreFailsAloneAndTheCurrentOneStillVerifies() throws Exception {
        String previous = secrets.rotate(Actor.SYSTEM);
        String current = secrets.rotate(Actor.SYSTEM);
        // the previous secret, still in its grace period, sealed with a key id this server does not have
        jdbc.sql("UPDATE widget_identity_secret SET secret = :s WHERE retired_at IS NOT NULL AND accepted_until > :now")
                .param("s", TestKeys.SEALED_WITH_A_LOST_KEY)
                .param("now", java.time.OffsetDateTime.now()).update();

        assertThat(verify(sign(current, "cust-5", "five@example.com", now())).get("verified").asBoolean()).isTrue();
        assertThat(verify(sign(previous, "cust-6", "six@example.com", now())).get("reason").asString())
                .isEqualTo("BAD_SIGNATURE");
        secrets.revokePrevious(Actor.SYSTEM);
    }

    @Test
    void aVerifiedCustomerFindsTheirConversationOnAnotherDeviceAndNobodyElseOpensIt() throws Exception {
        String secret = secrets.rotate(Actor.SYSTEM);
        String customer = "cust-" + UUID.randomUUID();
        String laptop = verify(sign(secret, customer, "Grace@Example.com", now())).get("token").asString();
        JsonNode started = start("{\"message\":\"Where is my order 1001?\",\"identityToken\":\"" + laptop + "\"}");
        assertThat(started.get("verified").asBoolean()).isTrue();
        String id = started.get("conversationId").asString();
        mvc.perform(widget(get("/api/v1/widget/conversations/" + id))
                        .header("Authorization", "Bearer " + started.get("token").asString()))
                .andExpect(jsonPath("$.verified").value(true))
                .andExpect(jsonPath("$.customerEmail").value("grace@example.com"));

        // the phone's page signs the same customer (its own signature: the email as that page spells it, since two
        // pages signing in the same second would otherwise carry the same, single-use signature)
        String phone = verify(sign(secret, customer, "grace@example.com", now())).get("token").asString();
        mvc.perform(widget(get("/api/v1/widget/identity/conversations")).header("Authorization", "Bearer " + phone))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.conversations[0].conversationId").value(id))
                .andExpect(jsonPath("$.conversations[0].subject").value("Where is my order 1001?"));
        mvc.perform(widget(get("/api/v1/widget/conversations/" + id + "/messages?after=0"))
                        .header("Authorization", "Bearer " + phone))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messages[0].text").value("Where is my order 1001?"));

        String stranger = verify(sign(secret, "cust-other-" + UUID.randomUUID(), "grace@example.com", now()))
                .get("token").asString();
        mvc.perform(widget(get("/api/v1/widget/conversations/" + id + "/messages?after=0"))
                        .header("Authorization", "Bearer " + stranger))
                .andExpect(status().isForbidden());
        mvc.perform(widget(get("/api/v1/widget/identity/conversations")).header("Authorization", "Bearer " + stranger))
                .andExpect(jsonPath("$.conversations.length()").value(0));
    }

    @Test
    void anUnknownIdentityTokenStartsAnAnonymousConversation() throws Exception {
        JsonNode started = start("{\"message\":\"Hello\",\"identityToken\":\"pvi_forged\"}");
        assertThat(started.get("verified").asBoolean()).isFalse();
        mvc.perform(widget(get("/api/v1/widget/identity/conversations")).header("Authorization",
                "Bearer " + started.get("token").asString())).andExpect(status().isUnauthorized());
    }

    @Test
    void agentsSeeTheVerifiedMarkOnTheConversationAndTheContact() throws Exception {
        String secret = secrets.rotate(Actor.SYSTEM);
        String customer = "cust-" + UUID.randomUUID();
        String token = verify(sign(secret, customer, "lin@example.com", now())).get("token").asString();
        String verifiedId = start("{\"message\":\"Hi\",\"identityToken\":\"" + token + "\"}")
                .get("conversationId").asString();
        String anonymousId = start("{\"message\":\"Hi\"}").get("conversationId").asString();

        String page = mvc.perform(get("/inbox/conversations/" + verifiedId).with(agent()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"verified-mark\"").contains("id=\"contact-verified\"").contains(customer);
        String other = mvc.perform(get("/inbox/conversations/" + anonymousId).with(agent()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(other).doesNotContain("id=\"verified-mark\"").doesNotContain("id=\"contact-verified\"");
    }

    private String adminPage() throws Exception {
        return mvc.perform(get("/admin/widget-identity").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private JsonNode verify(Map<String, Object> identity) throws Exception {
        return json.readTree(mvc.perform(widget(post("/api/v1/widget/identity")).content(json.writeValueAsString(identity)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private JsonNode start(String body) throws Exception {
        return json.readTree(mvc.perform(widget(post("/api/v1/widget/conversations")).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private static Map<String, Object> sign(String secret, String userId, String email, long timestamp) {
        return signed(userId, email, timestamp,
                WidgetIdentity.sign(secret, userId + "\n" + email + "\n" + timestamp));
    }

    private static Map<String, Object> signed(String userId, String email, long timestamp, String signature) {
        Map<String, Object> identity = new java.util.LinkedHashMap<>();
        identity.put("userId", userId);
        identity.put("email", email);
        identity.put("timestamp", timestamp);
        identity.put("signature", signature);
        return identity;
    }

    private static Map<String, Object> fromAttributes(JsonNode attributes) {
        return signed(attributes.get("data-parley-user-id").asString(), attributes.get("data-parley-user-email").asString(),
                Long.parseLong(attributes.get("data-parley-user-timestamp").asString()),
                attributes.get("data-parley-user-signature").asString());
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return user(TestAgents.principal(TestAgents.create(agents, Role.ADMIN)));
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor agent() {
        return user(TestAgents.principal(TestAgents.create(agents, Role.AGENT)));
    }

    private static MockHttpServletRequestBuilder widget(MockHttpServletRequestBuilder request) {
        String ip = "10.9." + (IP.get() / 250) + "." + (IP.getAndIncrement() % 250 + 1);
        return request.contentType(MediaType.APPLICATION_JSON).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        });
    }
}
