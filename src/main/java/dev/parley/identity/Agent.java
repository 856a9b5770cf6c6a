package dev.parley.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person who works in the dashboard. {@code maxConcurrent} overrides the default capacity when set.
 */
public record Agent(UUID id, String name, String email, Role role, boolean active, Integer maxConcurrent,
        List<UUID> teamIds, Instant createdAt) {

    public boolean isAtLeast(Role other) {
        return role.atLeast(other);
    }
}
