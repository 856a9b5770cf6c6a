package dev.parley.identity.internal;

import dev.parley.identity.Agent;
import dev.parley.identity.AgentPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in session in step with the agent's record: a deactivated agent is signed out at their next
 * request, and a changed role or name applies at once rather than at the next sign-in.
 */
public class AgentSessionRefreshFilter extends OncePerRequestFilter {

    private final AgentRepository agents;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    public AgentSessionRefreshFilter(AgentRepository agents) {
        this.agents = agents;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AgentPrincipal signedIn) {
            Optional<Agent> current = agents.find(signedIn.id());
            if (current.isEmpty() || !current.get().active()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            } else if (current.get().role() != signedIn.role() || !current.get().name().equals(signedIn.name())) {
                AgentPrincipal refreshed = new AgentPrincipal(current.get(), null);
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(refreshed, null,
                        refreshed.getAuthorities()));
                SecurityContextHolder.setContext(context);
                if (request.getSession(false) != null) {
                    sessions.saveContext(context, request, response);
                }
            }
        }
        chain.doFilter(request, response);
    }
}
