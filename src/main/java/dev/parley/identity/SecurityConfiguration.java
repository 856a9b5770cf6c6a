package dev.parley.identity;

import dev.parley.identity.internal.AgentRepository;
import dev.parley.identity.internal.AgentSessionRefreshFilter;
import dev.parley.identity.internal.ApiTokenFilter;
import dev.parley.identity.internal.ContentSecurityPolicies;
import dev.parley.identity.internal.LoginThrottle;
import dev.parley.identity.internal.LoginThrottleFilter;
import dev.parley.identity.internal.ProblemResponses;
import dev.parley.identity.internal.SignInHandlers;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security rules. The customer-facing surface is public and guarded by conversation tokens instead.
 * Pages sign in with a form and a session (CSRF on every form); {@code /api/**} also accepts personal API
 * tokens ({@code Authorization: Bearer pat_...}) and answers 401/403 as problem+json. Every response carries a
 * strict Content-Security-Policy ({@link ContentSecurityPolicies}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    // Channel webhooks (/api/v1/channels/**) authenticate by the provider's signature, checked before any data is read.
    static final String[] PUBLIC = {
        "/api/v1/widget/**", "/api/v1/inboxes/*/messages", "/api/v1/channels/**", "/widget.js", "/widget/**", "/demo", "/demo/**", "/favicon.ico",
        "/swagger-ui", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**",
        "/actuator/health", "/actuator/health/**",
        "/error", "/webjars/**", "/css/**", "/js/**", "/img/**",
        "/help", "/help/**", "/sitemap.xml", "/robots.txt"
    };

    /**
     * No observation per security filter, authentication and authorization: with an observation registry present
     * (Actuator), Spring Security wraps each of the chain's filters in an observation of its own and records timers and
     * long-task timers for every request, for metrics no dashboard or alert reads: Micrometer's share of the request
     * threads' CPU samples fell from 8.7 % to 5.5 % without them (docs/benchmarks.md, 2026-12-06 midday). The request as
     * a whole is still observed ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, LoginThrottle throttle,
            SignInHandlers signIn, AgentRepository agents, IdentitySettings settings) throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        RequestMatcher publicPaths = new OrRequestMatcher(java.util.Arrays.stream(PUBLIC)
                .map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path)).toList());
        // API calls with a personal API token carry no ambient credentials, so CSRF cannot apply to them; any
        // other Authorization header (Basic from a proxy, a stray Bearer) can ride along with a browser's
        // session cookie, so a browser calling /api/** with its session still has to send the CSRF token.
        // Metrics and other management endpoints are for admins; a scraper sends an admin's API token.
        RequestMatcher actuator = PathPatternRequestMatcher.withDefaults().matcher("/actuator/**");
        ApiTokenFilter apiTokens = new ApiTokenFilter(tokens, new OrRequestMatcher(api, actuator));
        RequestMatcher bearer = apiTokens::carriesApiToken;
        // Background requests (htmx fragments, the live stream, API calls) answer 401 instead of a login page,
        // and are never replayed after sign-in: only a page the agent actually opened is.
        RequestMatcher background = new OrRequestMatcher(api, actuator,
                PathPatternRequestMatcher.withDefaults().matcher("/dashboard/events"),
                request -> request.getHeader("HX-Request") != null);
        // The form login's own processing-URL matcher (loginPage "/login" implies POST /login).
        RequestMatcher signInForm = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher(new AndRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"),
                new NegatedRequestMatcher(background)));
        return http
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers(PUBLIC).permitAll()
                        // Signing in and out and resetting a forgotten password; unlike PUBLIC these keep CSRF on
                        // their forms.
                        .requestMatchers("/login", "/logout", "/password-reset", "/password-reset/*").permitAll()
                        .requestMatchers("/actuator/prometheus").access((authentication, context) ->
                                new AuthorizationDecision(settings.publicMetrics() || isAdmin(authentication.get())))
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/admin/**", "/api/v1/admin/**", "/api/v1/agents", "/api/v1/agents/**", "/api/v1/audit",
                                "/api/v1/audit/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/contacts/*/export", "/api/v1/contacts/*/erase",
                                "/inbox/conversations/*/contact/erase").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/knowledge/articles/*/examples").hasRole("AGENT")
                        .requestMatchers(HttpMethod.GET, "/api/v1/knowledge/search").hasRole("AGENT")
                        .requestMatchers("/api/v1/knowledge/**", "/api/v1/analytics/**").hasRole("SUPERVISOR")
                        .requestMatchers("/knowledge", "/knowledge/**", "/analytics", "/analytics/**")
                                .hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/inbox/canned", "/inbox/canned/**", "/inbox/team/**")
                                .hasRole("SUPERVISOR")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(signIn).failureHandler(signIn))
                .logout(logout -> logout.logoutUrl("/logout").addLogoutHandler(signIn).logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(publicPaths, bearer))
                .cors(Customizer.withDefaults())
                .addFilterBefore(new LoginThrottleFilter(throttle, signInForm), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(apiTokens, UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new AgentSessionRefreshFilter(agents), AuthorizationFilter.class)
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor((request, response, ex) -> ProblemResponses.write(response,
                                401, "Unauthorized", "Sign in or send Authorization: Bearer <API token>"), background)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor((request, response, ex) -> ProblemResponses.write(response,
                                403, "Forbidden", denied(ex)), new OrRequestMatcher(api, actuator))
                        // with one handler only, Spring Security would answer every page's 403 with the JSON above
                        .defaultAccessDeniedHandlerFor((request, response, ex) -> response.sendError(403, denied(ex)),
                                AnyRequestMatcher.INSTANCE))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .addHeaderWriter(new ContentSecurityPolicies()))
                .build();
    }

    private static String denied(org.springframework.security.access.AccessDeniedException refused) {
        return refused instanceof org.springframework.security.web.csrf.CsrfException
                ? "The form has expired or did not come from Parley (no valid CSRF token): reload the page and try again"
                : "Your role does not allow this";
    }

    private static boolean isAdmin(org.springframework.security.core.Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
    }
}
