package dev.parley.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.encryption.TestKeys;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class SecurityTests {

    private static final AtomicInteger IPS = new AtomicInteger(10);

    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;
    @Autowired
    ApiTokens tokens;
    @Autowired
    AuditLog audit;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void anonymousPagesRedirectToTheLoginPage() throws Exception {
        mvc.perform(get("/inbox")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin/agents")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/dashboard/events")).andExpect(status().isUnauthorized());
        mvc.perform(get("/inbox/list").header("HX-Request", "true")).andExpect(status().isUnauthorized());
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
    }

    @Test
    void theServersAddressSendsVisitorsToSignInAndStaffToTheInbox() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/").with(user(agent))).andExpect(status().isFound()).andExpect(redirectedUrl("/inbox"));
    }

    @Test
    void theSignOutAddressAsksBeforeSigningOutAndTellsTheSignedOutSo() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        mvc.perform(get("/logout").with(user(agent))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(agent.email())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("action=\"/logout\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
        mvc.perform(get("/logout")).andExpect(status().isFound()).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(post("/logout").with(user(agent)).with(csrf())).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?logout"));
    }

    @Test
    void anonymousApiCallsGetProblem401() throws Exception {
        mvc.perform(get("/api/v1/conversations"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/v1/agents")).andExpect(status().isUnauthorized());
    }

    @Test
    void publicPathsStayPublic() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
    }

    @Test
    void managementEndpointsOtherThanHealthAreForAdmins() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/actuator/info")).andExpect(status().isUnauthorized());
        Agent agent = TestAgents.create(agents, Role.AGENT);
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + tokens.create(agent.id(), "nosy")))
                .andExpect(status().isForbidden());
        Agent admin = TestAgents.create(agents, Role.ADMIN);
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + tokens.create(admin.id(), "scraper")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("parley_")));
    }

    @Test
    void withoutAMailServerPasswordResetSaysItIsUnavailableAndSendsNothing() throws Exception {
        mvc.perform(get("/password-reset")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"reset-unavailable\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("name=\"email\""))));
        Agent agent = TestAgents.create(agents, Role.AGENT);
        mvc.perform(post("/password-reset").with(fromNewIp()).with(csrf()).param("email", agent.email()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/password-reset"));
        assertThat(audit.page("password-reset.requested", 0, 500)).noneMatch(e -> agent.email().equals(e.target()));
    }

    @Test
    void pagesSendAReferrerPolicy() throws Exception {
        mvc.perform(get("/login")).andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
        mvc.perform(get("/api/v1/conversations")).andExpect(header().string("Referrer-Policy",
                "strict-origin-when-cross-origin"));
    }

    @Test
    void agentsAreForbiddenOnAdminPagesAndApis() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        mvc.perform(get("/admin/agents").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/agents").with(user(agent))).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/audit").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/inbox").with(user(agent))).andExpect(status().isOk());
    }

    @Test
    void adminsReachAdminPages() throws Exception {
        AgentPrincipal admin = TestAgents.principal(TestAgents.create(agents, Role.ADMIN));
        mvc.perform(get("/admin/agents").with(user(admin))).andExpect(status().isOk());
        mvc.perform(get("/admin/audit").with(user(admin))).andExpect(status().isOk());
    }

    @Test
    void anAuditEntryWhoseSealedDetailCannotBeOpenedIsListedAsUnreadableAndTheOthersStillShow() throws Exception {
        AgentPrincipal admin = TestAgents.principal(TestAgents.create(agents, Role.ADMIN));
        String action = "test.unreadable" + IPS.incrementAndGet();
        audit.record(dev.parley.identity.Actor.SYSTEM, action, "damaged", "a detail that will be lost");
        audit.record(dev.parley.identity.Actor.SYSTEM, action, "intact", "a detail that stays readable");
        // sealed with a key id this server does not have, as after a lost key or a damaged restore
        jdbc.sql("UPDATE audit_entry SET detail = :s WHERE action = :a AND target = 'damaged'")
                .param("s", TestKeys.SEALED_WITH_A_LOST_KEY).param("a", action).update();

        assertThat(audit.page(action, 0, 10)).extracting(e -> e.detail())
                .containsExactlyInAnyOrder(dev.parley.encryption.Encryption.UNREADABLE, "a detail that stays readable");
        mvc.perform(get("/admin/audit").param("action", action).with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("a detail that stays readable"),
                        org.hamcrest.Matchers.containsString(dev.parley.encryption.Encryption.UNREADABLE))));
    }

    @Test
    void formsRequireTheCsrfToken() throws Exception {
        AgentPrincipal supervisor = TestAgents.principal(TestAgents.create(agents, Role.SUPERVISOR));
        String shortcut = "csrf" + IPS.incrementAndGet();
        mvc.perform(post("/inbox/canned").with(user(supervisor))
                        .param("shortcut", shortcut).param("title", "T").param("body", "B"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/inbox/canned").with(user(supervisor)).with(csrf())
                        .param("shortcut", shortcut).param("title", "T").param("body", "B"))
                .andExpect(status().isFound());
        mvc.perform(post("/logout").with(user(supervisor))).andExpect(status().isForbidden());
    }

    @Test
    void sessionCookieCallsToTheApiNeedCsrfButBearerCallsDoNot() throws Exception {
        Agent admin = TestAgents.create(agents, Role.ADMIN);
        String body = "{\"name\":\"New One\",\"email\":\"new-" + IPS.incrementAndGet() + "@test.local\",\"role\":\"AGENT\"}";
        mvc.perform(post("/api/v1/agents").with(user(TestAgents.principal(admin)))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/agents").header("Authorization", "Bearer " + tokens.create(admin.id(), "ci"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.agent.role").value("AGENT"))
                .andExpect(jsonPath("$.generatedPassword").isString());
    }

    @Test
    void anyOtherAuthorizationHeaderDoesNotWaiveCsrf() throws Exception {
        AgentPrincipal admin = TestAgents.principal(TestAgents.create(agents, Role.ADMIN));
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("proxy:secret".getBytes());
        String body = "{\"name\":\"Sneaky\",\"email\":\"sneaky-" + IPS.incrementAndGet()
                + "@test.local\",\"role\":\"ADMIN\"}";
        mvc.perform(post("/api/v1/agents").with(user(admin)).header("Authorization", basic)
                        .header("Origin", "https://evil.example").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/conversations/" + java.util.UUID.randomUUID() + "/messages").with(user(admin))
                        .header("Authorization", basic).contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"hi\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/account/password").with(user(admin)).header("Authorization", basic)
                        .param("currentPassword", TestAgents.PASSWORD).param("newPassword", "taken over by a stranger"))
                .andExpect(status().isForbidden());
        // An API token's form does not waive CSRF outside the API, where the token is not used to sign in.
        mvc.perform(post("/account/password").with(user(admin)).header("Authorization", "Bearer pat_whatever")
                        .param("currentPassword", TestAgents.PASSWORD).param("newPassword", "taken over by a stranger"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/agents").with(user(admin)).header("Authorization", "Bearer pat_unknown")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post(URI.create("/%61pi/v1/agents")).with(user(admin)).header("Authorization", "Bearer pat_unknown")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void apiTokensActWithTheirOwnersRole() throws Exception {
        Agent agent = TestAgents.create(agents, Role.AGENT);
        Agent admin = TestAgents.create(agents, Role.ADMIN);
        String agentToken = tokens.create(agent.id(), "agent");
        mvc.perform(get("/api/v1/conversations").header("Authorization", "Bearer " + agentToken))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/agents").header("Authorization", "Bearer " + agentToken))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/agents").header("Authorization", "Bearer " + tokens.create(admin.id(), "admin")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/conversations").header("Authorization", "Bearer pat_unknown"))
                .andExpect(status().isUnauthorized());
        ApiToken listed = tokens.of(agent.id()).getFirst();
        tokens.revoke(agent.id(), listed.id());
        mvc.perform(get("/api/v1/conversations").header("Authorization", "Bearer " + agentToken))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void deactivatedAgentsTokensStopWorking() throws Exception {
        Agent agent = TestAgents.create(agents, Role.AGENT);
        String token = tokens.create(agent.id(), "soon gone");
        agents.update(Actor.SYSTEM, agent.id(), new AgentChanges(null, null, false, null, false, null));
        mvc.perform(get("/api/v1/conversations").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void signInWithEmailAndPasswordIsAuditedBothWays() throws Exception {
        Agent agent = TestAgents.create(agents, Role.AGENT);
        RequestPostProcessor ip = fromNewIp();
        mvc.perform(post("/login").with(ip).with(csrf()).param("username", agent.email()).param("password", "wrong one!"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login").with(ip).with(csrf())
                        .param("username", agent.email().toUpperCase()).param("password", TestAgents.PASSWORD))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/inbox"));
        assertThat(audit.page("sign-in-failed", 0, 50)).anyMatch(e -> e.target().equals(agent.email()));
        assertThat(audit.page("sign-in", 0, 50)).anyMatch(e -> agent.id().equals(e.actorId()));
    }

    @Test
    void loginWithoutCsrfIsRefused() throws Exception {
        Agent agent = TestAgents.create(agents, Role.AGENT);
        mvc.perform(post("/login").with(fromNewIp()).param("username", agent.email()).param("password", TestAgents.PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void fiveFailuresFromOneIpForOneAccountAreThrottledWith429() throws Exception {
        RequestPostProcessor ip = fromNewIp();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").with(ip).with(csrf()).param("username", "nobody@test.local")
                    .param("password", "whatever-password " + i)).andExpect(status().isFound());
        }
        mvc.perform(post("/login").with(ip).with(csrf()).param("username", "Nobody@test.local").param("password", "x"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
    }

    @Test
    void anEncodedLoginPathIsThrottledLikeLogin() throws Exception {
        RequestPostProcessor ip = fromNewIp();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post(URI.create("/%6cogin")).with(ip).with(csrf()).param("username", "enc@test.local")
                    .param("password", "whatever-password")).andExpect(status().isFound());
        }
        mvc.perform(post(URI.create("/%6cogin")).with(ip).with(csrf()).param("username", "enc@test.local")
                        .param("password", "x"))
                .andExpect(status().isTooManyRequests());
        mvc.perform(post("/login").with(ip).with(csrf()).param("username", "enc@test.local").param("password", "x"))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void fiveFailuresOnOneAccountThrottleTheGuessersIpButNotTheOwnerElsewhere() throws Exception {
        Agent agent = TestAgents.create(agents, Role.AGENT);
        RequestPostProcessor guesser = fromNewIp();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").with(guesser).with(csrf()).param("username", agent.email())
                    .param("password", "wrong password " + i)).andExpect(status().isFound());
        }
        // The guesser's IP is refused for this account, even with the right password ...
        mvc.perform(post("/login").with(guesser).with(csrf()).param("username", agent.email())
                        .param("password", TestAgents.PASSWORD))
                .andExpect(status().isTooManyRequests());
        // ... while the owner, from another IP, signs in.
        mvc.perform(post("/login").with(fromNewIp()).with(csrf()).param("username", agent.email())
                        .param("password", TestAgents.PASSWORD))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/inbox"));
    }

    @Test
    void manyFailuresFromOneIpOverManyAccountsAreThrottled() throws Exception {
        RequestPostProcessor ip = fromNewIp();
        for (int i = 0; i < 20; i++) {
            mvc.perform(post("/login").with(ip).with(csrf()).param("username", "spray" + i + "@test.local")
                    .param("password", "whatever-password")).andExpect(status().isFound());
        }
        mvc.perform(post("/login").with(ip).with(csrf()).param("username", "spray-more@test.local")
                        .param("password", "x"))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessionsAndTokens() throws Exception {
        Agent agent = TestAgents.create(agents, Role.AGENT);
        Cookie here = signIn(agent.email(), TestAgents.PASSWORD);
        Cookie elsewhere = signIn(agent.email(), TestAgents.PASSWORD);
        String token = tokens.create(agent.id(), "integration");

        mvc.perform(post("/account/password").cookie(here).with(csrf())
                        .param("currentPassword", "not my password").param("newPassword", "a brand new password"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/account/password").cookie(here).with(csrf()).param("newPassword", "a brand new password"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/inbox").cookie(elsewhere)).andExpect(status().isOk());

        mvc.perform(post("/account/password").cookie(here).with(csrf())
                        .param("currentPassword", TestAgents.PASSWORD).param("newPassword", "a brand new password"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/account"));
        mvc.perform(get("/inbox").cookie(here)).andExpect(status().isOk());
        mvc.perform(get("/inbox").cookie(elsewhere)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/conversations").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        assertThat(tokens.of(agent.id())).isEmpty();
        signIn(agent.email(), "a brand new password");
    }

    @Test
    void anAdminsPasswordResetEndsTheAgentsSessions() throws Exception {
        Agent agent = TestAgents.create(agents, Role.AGENT);
        Cookie session = signIn(agent.email(), TestAgents.PASSWORD);
        agents.changePassword(Actor.SYSTEM, agent.id(), "reset by the admin");
        mvc.perform(get("/inbox").cookie(session)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void deactivationRevokesApiTokensForGood() throws Exception {
        Agent agent = TestAgents.create(agents, Role.AGENT);
        String token = tokens.create(agent.id(), "soon gone");
        agents.update(Actor.SYSTEM, agent.id(), new AgentChanges(null, null, false, null, false, null));
        agents.update(Actor.SYSTEM, agent.id(), new AgentChanges(null, null, true, null, false, null));
        mvc.perform(get("/api/v1/conversations").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        assertThat(tokens.of(agent.id())).isEmpty();
    }

    private Cookie signIn(String email, String password) throws Exception {
        Cookie session = mvc.perform(post("/login").with(fromNewIp()).with(csrf())
                        .param("username", email).param("password", password))
                .andExpect(redirectedUrl("/inbox")).andReturn().getResponse().getCookie("JSESSIONID");
        mvc.perform(get("/inbox").cookie(session)).andExpect(status().isOk());
        return session;
    }

    @Test
    void deactivatedAgentsCannotSignIn() throws Exception {
        Agent agent = TestAgents.create(agents, Role.AGENT);
        agents.update(Actor.SYSTEM, agent.id(), new AgentChanges(null, null, false, null, false, null));
        mvc.perform(post("/login").with(fromNewIp()).with(csrf()).param("username", agent.email())
                        .param("password", TestAgents.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void sessionsFollowDeactivationAndRoleChangesAtOnce() throws Exception {
        Agent agent = TestAgents.create(agents, Role.AGENT);
        Cookie session = mvc.perform(post("/login").with(fromNewIp()).with(csrf())
                        .param("username", agent.email()).param("password", TestAgents.PASSWORD))
                .andExpect(redirectedUrl("/inbox")).andReturn().getResponse().getCookie("JSESSIONID");
        mvc.perform(get("/inbox").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/admin/agents").cookie(session)).andExpect(status().isForbidden());

        agents.update(Actor.SYSTEM, agent.id(), new AgentChanges(null, Role.ADMIN, null, null, false, null));
        mvc.perform(get("/admin/agents").cookie(session)).andExpect(status().isOk());

        agents.update(Actor.SYSTEM, agent.id(), new AgentChanges(null, Role.AGENT, false, null, false, null));
        mvc.perform(get("/inbox").cookie(session)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void browsersGetAReadable429Page() throws Exception {
        RequestPostProcessor ip = fromNewIp();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").with(ip).with(csrf()).param("username", "ghost@test.local").param("password", "nope nope"));
        }
        mvc.perform(post("/login").with(ip).with(csrf()).accept(MediaType.TEXT_HTML)
                        .param("username", "ghost@test.local").param("password", "nope nope"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Too many failed sign-ins")));
    }

    private static RequestPostProcessor fromNewIp() {
        String address = "10.0." + (IPS.incrementAndGet() / 250) + "." + (IPS.get() % 250 + 1);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void requestsAreObservedWholeNotFilterByFilter() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk());
        mvc.perform(get("/inbox")).andExpect(status().is3xxRedirection());

        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
                .contains("http.server.requests").noneMatch(name -> name.startsWith("spring.security"));
    }
}
