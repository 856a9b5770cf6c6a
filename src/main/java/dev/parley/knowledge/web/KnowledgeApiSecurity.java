package dev.parley.knowledge.web;

import dev.parley.knowledge.KnowledgeSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Guards {@code /api/v1/knowledge/**} with the admin API key until agent roles exist. A chain of its own
 * (ordered before the application's catch-all chain) so it merges with the identity module's rules.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeApiSecurity {

    static final String AUTHORITY = "KNOWLEDGE_ADMIN";

    @Bean
    @Order(10)
    SecurityFilterChain knowledgeAdminApi(HttpSecurity http, KnowledgeSettings settings) throws Exception {
        AdminKeyProblems problems = new AdminKeyProblems(!settings.adminApiKey().isEmpty());
        return http
                .securityMatcher("/api/v1/knowledge/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority(AUTHORITY))
                .addFilterBefore(new AdminKeyFilter(settings.adminApiKey(), AUTHORITY), AuthorizationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }
}
