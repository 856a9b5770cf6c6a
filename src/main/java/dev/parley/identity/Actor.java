package dev.parley.identity;

import java.util.UUID;

/** Who performs an action, for the audit log: a signed-in agent, or the system itself. */
public record Actor(UUID id, String name, Role role) {

    public static final Actor SYSTEM = new Actor(null, "system", Role.ADMIN);

    public static Actor of(Agent agent) {
        return new Actor(agent.id(), agent.email(), agent.role());
    }

    public boolean isAtLeast(Role other) {
        return role.atLeast(other);
    }
}
