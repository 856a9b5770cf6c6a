package dev.parley.identity.internal;

import dev.parley.identity.Agent;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer pat_...} on {@code /api/**} and {@code /actuator/**} (a metrics
 * scraper) as the token's agent, for this
 * request only (no session). Other bearer values (widget conversation tokens) pass through untouched.
 */
public class ApiTokenFilter extends OncePerRequestFilter {

    /** Set on a request whose agent this filter has just read (active, current role and name). */
    static final String AGENT_READ = ApiTokenFilter.class.getName() + ".agentRead";

    private final ApiTokens tokens;
    private final RequestMatcher api;

    /** @param api where API tokens count: the same matchers as the rules for those paths (decoded paths) */
    public ApiTokenFilter(ApiTokens tokens, RequestMatcher api) {
        this.tokens = tokens;
        this.api = api;
    }

    /**
     * Whether the request is an API call carrying a personal API token. Only such a call may skip the CSRF
     * check: its token is checked here (401 when unknown) and replaces any session for the request.
     */
    public boolean carriesApiToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && header.substring(7).strip().startsWith(ApiTokens.PREFIX) && api.matches(request);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !carriesApiToken(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        Optional<Agent> agent = tokens.authenticate(header.substring(7).strip());
        if (agent.isEmpty()) {
            ProblemResponses.write(response, 401, "Unauthorized", "The API token is unknown or was revoked");
            return;
        }
        AgentPrincipal principal = new AgentPrincipal(agent.get(), null);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        request.setAttribute(AGENT_READ, Boolean.TRUE);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
