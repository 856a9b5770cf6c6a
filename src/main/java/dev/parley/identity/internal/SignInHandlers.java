package dev.parley.identity.internal;

import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/** Audits every sign-in (success and failure), feeds the throttle and tells presence who came and went. */
@Component
public class SignInHandlers extends SavedRequestAwareAuthenticationSuccessHandler
        implements AuthenticationFailureHandler, LogoutHandler {

    private final Agents agents;
    private final LoginThrottle throttle;
    private final SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/login?error");

    public SignInHandlers(Agents agents, LoginThrottle throttle) {
        this.agents = agents;
        this.throttle = throttle;
        setDefaultTargetUrl("/inbox");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        AgentPrincipal agent = (AgentPrincipal) authentication.getPrincipal();
        throttle.succeeded(request.getRemoteAddr(), agent.email());
        agents.signedIn(agent.id());
        super.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        String email = request.getParameter("username");
        throttle.failed(request.getRemoteAddr(), email);
        agents.signInFailed(email, exception instanceof DisabledException ? "deactivated" : "bad credentials");
        failure.onAuthenticationFailure(request, response, exception);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof AgentPrincipal agent) {
            agents.signedOut(agent.id());
        }
    }
}
