package dev.parley.identity;

import java.util.List;
import java.util.UUID;

/** What it takes to add an agent; a blank password means one is generated and shown once. */
public record NewAgent(String name, String email, Role role, String password, Integer maxConcurrent,
        List<UUID> teamIds) {
}
