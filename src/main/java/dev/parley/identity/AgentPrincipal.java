package dev.parley.identity;

import java.util.Collection;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in agent, as Spring Security holds it; controllers take it with {@code @AuthenticationPrincipal}. */
public final class AgentPrincipal implements UserDetails, CredentialsContainer {

    private final UUID id;
    private final String name;
    private final String email;
    private final Role role;
    private final boolean active;
    private String passwordHash;

    public AgentPrincipal(Agent agent, String passwordHash) {
        this.id = agent.id();
        this.name = agent.name();
        this.email = agent.email();
        this.role = agent.role();
        this.active = agent.active();
        this.passwordHash = passwordHash;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public Role role() {
        return role;
    }

    public boolean isAtLeast(Role other) {
        return role.atLeast(other);
    }

    /** For templates: may manage canned replies and reassign anyone's conversations. */
    public boolean isSupervisor() {
        return role.atLeast(Role.SUPERVISOR);
    }

    /** For templates: may manage agents, teams and settings. */
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public Actor actor() {
        return new Actor(id, email, role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return role.authorities();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
