package dev.parley.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

class AdminKeyFilterTests {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void authenticatesTheConfiguredKeyFromEitherHeader() throws Exception {
        assertThat(authenticate("secret", "X-Parley-Admin-Key", "secret")).isNotNull()
                .satisfies(a -> assertThat(a.getAuthorities()).extracting(Object::toString).containsExactly("KNOWLEDGE_ADMIN"));
        clear();
        assertThat(authenticate("secret", "Authorization", "Bearer secret")).isNotNull();
    }

    @Test
    void letsNobodyInWithAWrongKeyOrWhenNoKeyIsConfigured() throws Exception {
        assertThat(authenticate("secret", "X-Parley-Admin-Key", "guess")).isNull();
        assertThat(authenticate("", "X-Parley-Admin-Key", "")).isNull();
        assertThat(authenticate("", "Authorization", "Bearer ")).isNull();
        assertThat(authenticate(null, "X-Parley-Admin-Key", "null")).isNull();
    }

    @Test
    void answersRefusalsWithAProblemThatSaysWhetherTheApiIsDisabled() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new AdminKeyProblems(false).commence(new MockHttpServletRequest(), response, null);
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("parley.knowledge.admin-api-key");
    }

    private static Authentication authenticate(String key, String header, String value) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/knowledge/articles");
        request.addHeader(header, value);
        new AdminKeyFilter(key, KnowledgeApiSecurity.AUTHORITY).doFilter(request, new MockHttpServletResponse(),
                new MockFilterChain());
        return SecurityContextHolder.getContext().getAuthentication();
    }
}
