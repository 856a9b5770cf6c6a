package dev.parley.identity.internal;

import dev.parley.identity.AgentPrincipal;
import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads an agent by email for form sign-in; deactivated agents load as disabled and cannot sign in. */
@Component
public class AgentUserDetailsService implements UserDetailsService {

    private final AgentRepository agents;

    public AgentUserDetailsService(AgentRepository agents) {
        this.agents = agents;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String email = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return agents.findByEmail(email)
                .map(agent -> new AgentPrincipal(agent, agents.passwordHash(agent.id()).orElseThrow()))
                .orElseThrow(() -> new UsernameNotFoundException("No agent with that email"));
    }
}
