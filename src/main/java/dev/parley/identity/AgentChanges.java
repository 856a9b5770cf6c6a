package dev.parley.identity;

import java.util.List;
import java.util.UUID;

/** An edit of an agent; {@code null} keeps a field as it is. {@code clearMaxConcurrent} returns to the default. */
public record AgentChanges(String name, Role role, Boolean active, Integer maxConcurrent, boolean clearMaxConcurrent,
        List<UUID> teamIds) {
}
