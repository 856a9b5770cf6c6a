package dev.parley.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.identity.internal.PasswordResetRepository;
import dev.parley.notification.MailServerTestSupport;
import dev.parley.shared.Secrets;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** "Forgot your password?" end to end: the request, the mail through a real SMTP server, the link, its limits. */
class PasswordResetByEmailTests extends MailServerTestSupport {

    private static final AtomicInteger IPS = new AtomicInteger(10);
    private static final Pattern LINK = Pattern.compile(Pattern.quote(BASE_URL) + "(/password-reset/[A-Za-z0-9_-]+)");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;
    @Autowired
    ApiTokens tokens;
    @Autowired
    AuditLog audit;
    @Autowired
    PasswordResetRepository resets;

    @Test
    void theLoginPageOffersAReset() throws Exception {
        mvc.perform(get("/login")).andExpect(content().string(Matchers.containsString("href=\"/password-reset\"")));
        mvc.perform(get("/password-reset")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("name=\"email\"")))
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")));
    }

    @Test
    void aMailedLinkSetsANewPasswordOnceAndSignsOutEverywhere() throws Exception {
        Agent agent = TestAgents.create(agents, Role.AGENT);
        Cookie oldSession = signIn(agent.email(), TestAgents.PASSWORD);
        String token = tokens.create(agent.id(), "integration");

        mvc.perform(post("/password-reset").with(fromNewIp()).with(csrf()).param("email", agent.email().toUpperCase()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/password-reset?sent"));
        await().atMost(WAIT).until(() -> !mailsTo(agent.email()).isEmpty());
        var mail = mailsTo(agent.email()).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Reset your Parley password");
        assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        Matcher link = LINK.matcher(body(mail));
        assertThat(link.find()).as("a link in: %s", body(mail)).isTrue();
        String path = link.group(1);

        mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("name=\"newPassword\"")));
        mvc.perform(post(path).with(csrf()).param("newPassword", "short"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("password must be")));
        mvc.perform(post(path).with(csrf()).param("newPassword", "a fresh new password"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login?reset"));

        mvc.perform(get("/inbox").cookie(oldSession)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        assertThat(tokens.of(agent.id())).isEmpty();
        mvc.perform(get("/api/v1/conversations").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/login").with(fromNewIp()).with(csrf()).param("username", agent.email())
                .param("password", TestAgents.PASSWORD)).andExpect(redirectedUrl("/login?error"));
        signIn(agent.email(), "a fresh new password");
        assertThat(audit.page("password-reset.completed", 0, 500))
                .anyMatch(entry -> agent.email().equals(entry.target()));

        mvc.perform(get(path)).andExpect(status().isGone())
                .andExpect(content().string(Matchers.containsString("expired")));
        mvc.perform(post(path).with(csrf()).param("newPassword", "yet another password"))
                .andExpect(status().isGone());
        signIn(agent.email(), "a fresh new password");
    }

    @Test
    void anExpiredOrUnknownLinkIsRefusedReadably() throws Exception {
        Agent agent = TestAgents.create(agents, Role.AGENT);
        String expired = Secrets.newToken();
        Instant now = Instant.now();
        resets.insert(Secrets.sha256Hex(expired), agent.id(), now.minus(Duration.ofHours(1)), now.minusSeconds(1));

        mvc.perform(get("/password-reset/" + expired)).andExpect(status().isGone())
                .andExpect(content().string(Matchers.containsString("Link no longer works")));
        mvc.perform(post("/password-reset/" + expired).with(csrf()).param("newPassword", "a fresh new password"))
                .andExpect(status().isGone());
        mvc.perform(get("/password-reset/" + Secrets.newToken())).andExpect(status().isGone());
        mvc.perform(get("/password-reset/not-a-token")).andExpect(status().isGone());
        signIn(agent.email(), TestAgents.PASSWORD);
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        Agent agent = TestAgents.create(agents, Role.AGENT);
        String nobody = "nobody-" + agent.id() + "@test.local";

        MvcResult known = mvc.perform(post("/password-reset").with(fromNewIp()).with(csrf()).param("email", agent.email()))
                .andReturn();
        MvcResult unknown = mvc.perform(post("/password-reset").with(fromNewIp()).with(csrf()).param("email", nobody))
                .andReturn();

        assertThat(unknown.getResponse().getStatus()).isEqualTo(known.getResponse().getStatus());
        assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo(known.getResponse().getRedirectedUrl());
        mvc.perform(get("/password-reset").param("sent", ""))
                .andExpect(content().string(Matchers.containsString("If an account exists for that")));
        await().atMost(WAIT).until(() -> !mailsTo(agent.email()).isEmpty());
        assertThat(mailsTo(nobody)).isEmpty();
    }

    @Test
    void oneClientAskingTooOftenIsSlowedDown() throws Exception {
        RequestPostProcessor ip = fromNewIp();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/password-reset").with(ip).with(csrf()).param("email", "someone" + i + "@test.local"))
                    .andExpect(status().isFound());
        }
        mvc.perform(post("/password-reset").with(ip).with(csrf()).param("email", "someone@test.local"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(Matchers.containsString("Too many password reset requests")));
    }

    @Test
    void resettingNeedsTheFormsCsrfToken() throws Exception {
        mvc.perform(post("/password-reset").with(fromNewIp()).param("email", "someone@test.local"))
                .andExpect(status().isForbidden());
    }

    private Cookie signIn(String email, String password) throws Exception {
        Cookie session = mvc.perform(post("/login").with(fromNewIp()).with(csrf())
                        .param("username", email).param("password", password))
                .andExpect(redirectedUrl("/inbox")).andReturn().getResponse().getCookie("JSESSIONID");
        mvc.perform(get("/inbox").cookie(session)).andExpect(status().isOk());
        return session;
    }

    private static RequestPostProcessor fromNewIp() {
        String address = "10.7." + (IPS.incrementAndGet() / 250) + "." + (IPS.get() % 250 + 1);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
