package dev.parley.encryption;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class EncryptionAdminApiTests {

    /** Rotating re-seals every sealed column: in a database and with a key file of its own. */
    @org.springframework.test.context.DynamicPropertySource
    static void ownKeysAndDatabase(org.springframework.test.context.DynamicPropertyRegistry registry) {
        String id = java.util.UUID.randomUUID().toString();
        registry.add("parley.encryption.keys", () -> "");
        registry.add("parley.data-dir", () -> "target/test-encryption-admin-" + id);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:encryption-admin-" + id
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;
    @Autowired
    Encryption encryption;

    @Test
    void adminsRotateToAFreshKeyAndValuesSealedBeforeStillOpen() throws Exception {
        var admin = user(TestAgents.principal(TestAgents.create(agents, Role.ADMIN)));
        String sealed = encryption.encrypt("before rotation", "test.rotation");
        String before = encryption.activeKeyId();

        mvc.perform(get("/api/v1/admin/encryption").with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.activeKey").value(before))
                .andExpect(jsonPath("$.canRotate").value(true))
                .andExpect(jsonPath("$.keySource").value(org.hamcrest.Matchers.endsWith("encryption.keys")));
        mvc.perform(post("/api/v1/admin/encryption/rotations").with(admin).with(csrf()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.activeKey").value(org.hamcrest.Matchers.not(before)));

        assertThat(encryption.activeKeyId()).isNotEqualTo(before);
        assertThat(encryption.keyIds()).contains(before, encryption.activeKeyId());
        assertThat(encryption.decrypt(sealed, "test.rotation")).isEqualTo("before rotation");
    }

    @Test
    void onlyAdminsSeeOrRotateKeys() throws Exception {
        var supervisor = user(TestAgents.principal(TestAgents.create(agents, Role.SUPERVISOR)));

        mvc.perform(get("/api/v1/admin/encryption").with(supervisor)).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/admin/encryption/rotations").with(supervisor).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/encryption")).andExpect(status().isUnauthorized());
    }
}
