package dev.parley.identity.internal;

import dev.parley.identity.Agent;
import dev.parley.identity.AgentPrincipal;
import dev.parley.shared.Secrets;
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
 * request, so is a session opened before the agent's password changed (the session remembers a hash of the
 * password hash it was opened with), and a changed role or name applies at once rather than at the next sign-in.
 * A request with a personal API token is left alone: the token filter read its agent for this very request.
 */
public class AgentSessionRefreshFilter extends OncePerRequestFilter {

    private static final String CREDENTIALS = AgentSessionRefreshFilter.class.getName() + ".credentials";

    private final AgentRepository agents;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    public AgentSessionRefreshFilter(AgentRepository agents) {
        this.agents = agents;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AgentPrincipal signedIn
                && request.getAttribute(ApiTokenFilter.AGENT_READ) == null) {
            Optional<Agent> current = agents.find(signedIn.id());
            if (current.isEmpty() || !current.get().active() || passwordChangedSince(request, signedIn)) {
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

    /** The agent changed the password in this session: it stays signed in with the new one. */
    public static void credentialsChanged(HttpSession session) {
        session.removeAttribute(CREDENTIALS);
    }

    /** Sessions remember the password they were opened with at their first request (or after a change here). */
    private boolean passwordChangedSince(HttpServletRequest request, AgentPrincipal signedIn) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return false;
        }
        String stamp = agents.passwordHash(signedIn.id()).map(Secrets::sha256Hex).orElse("");
        Object remembered = session.getAttribute(CREDENTIALS);
        if (remembered == null) {
            session.setAttribute(CREDENTIALS, stamp);
            return false;
        }
        return !remembered.equals(stamp);
    }
}
