package dev.parley.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class AgentApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;
    @Autowired
    ApiTokens tokens;
    @Autowired
    AuditLog audit;

    @Test
    void adminsCreateAgentsWhoCanThenSignIn() throws Exception {
        String token = adminToken();
        String email = "Invited-" + UUID.randomUUID().toString().substring(0, 8) + "@Test.Local";
        mvc.perform(post("/api/v1/agents").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Invited\",\"email\":\"" + email + "\",\"role\":\"supervisor\",\"password\":\"a long password\",\"maxConcurrent\":3}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.agent.email").value(email.toLowerCase()))
                .andExpect(jsonPath("$.agent.role").value("SUPERVISOR"))
                .andExpect(jsonPath("$.agent.maxConcurrent").value(3))
                .andExpect(jsonPath("$.generatedPassword").doesNotExist())
                .andExpect(jsonPath("$.agent.passwordHash").doesNotExist());
        mvc.perform(post("/login").with(csrf()).with(r -> { r.setRemoteAddr("10.9.9.9"); return r; })
                        .param("username", email).param("password", "a long password"))
                .andExpect(redirectedUrl("/inbox"));
        assertThat(audit.page("agent.created", 0, 20)).anyMatch(e -> e.target().equals(email.toLowerCase()));
    }

    @Test
    void creatingAndRevokingAnApiTokenIsAudited() {
        Agent owner = TestAgents.create(agents, Role.AGENT);
        tokens.create(owner.id(), "CI export");
        ApiToken token = tokens.of(owner.id()).getFirst();

        tokens.revoke(owner.id(), token.id());

        assertThat(audit.page("api-token.created", 0, 50))
                .anyMatch(e -> owner.id().equals(e.actorId()) && e.detail().contains("CI export"));
        assertThat(audit.page("api-token.revoked", 0, 50))
                .anyMatch(e -> owner.id().equals(e.actorId()) && e.detail().equals(token.id().toString()));
    }

    @Test
    void aTokensLastUseIsShownToItsOwnerButNotWrittenOnEveryRequest() {
        Agent owner = TestAgents.create(agents, Role.AGENT);
        String secret = tokens.create(owner.id(), "Integration");
        assertThat(tokens.of(owner.id()).getFirst().lastUsedAt()).isNull();

        assertThat(tokens.authenticate(secret)).map(Agent::id).contains(owner.id());
        Instant firstUse = tokens.of(owner.id()).getFirst().lastUsedAt();
        assertThat(firstUse).isNotNull();

        assertThat(tokens.authenticate(secret)).map(Agent::id).contains(owner.id());
        assertThat(tokens.of(owner.id()).getFirst().lastUsedAt()).isEqualTo(firstUse);
    }

    @Test
    void rejectsInvalidAndDuplicateAgents() throws Exception {
        String token = adminToken();
        Agent existing = TestAgents.create(agents, Role.AGENT);
        mvc.perform(post("/api/v1/agents").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Dup\",\"email\":\"" + existing.email() + "\"}")).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/agents").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"X\",\"email\":\"x-" + UUID.randomUUID() + "@t.local\",\"role\":\"KING\"}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/agents").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"X\",\"email\":\"not-an-email\"}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/agents").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"X\",\"email\":\"y-" + UUID.randomUUID() + "@t.local\",\"password\":\"short\"}")).andExpect(status().isBadRequest());
        mvc.perform(patch("/api/v1/agents/" + UUID.randomUUID()).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"active\":false}")).andExpect(status().isNotFound());
    }

    @Test
    void adminsDeactivateAgentsAndBrowseTheAuditLog() throws Exception {
        String token = adminToken();
        Agent agent = TestAgents.create(agents, Role.AGENT);
        mvc.perform(patch("/api/v1/agents/" + agent.id()).header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"active\":false}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        mvc.perform(get("/api/v1/audit").param("action", "agent.updated").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].action").value("agent.updated"))
                .andExpect(jsonPath("$.items[0].detail").value("deactivated"));
    }

    @Test
    void adminPagesCreateAgentsWithAGeneratedPasswordShownOnce() throws Exception {
        AgentPrincipal admin = TestAgents.principal(TestAgents.create(agents, Role.ADMIN));
        String email = "page-" + UUID.randomUUID().toString().substring(0, 8) + "@test.local";
        mvc.perform(post("/admin/agents").with(user(admin)).with(csrf())
                        .param("name", "Paged").param("email", email).param("role", "AGENT"))
                .andExpect(redirectedUrl("/admin/agents"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attributeExists("generatedPassword"));
        assertThat(agents.findByEmail(email)).isPresent();
    }

    private String adminToken() {
        return tokens.create(TestAgents.create(agents, Role.ADMIN).id(), "test");
    }
}
