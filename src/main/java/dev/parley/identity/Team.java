package dev.parley.identity;

import java.util.UUID;

/** A group of agents conversations can be routed to. */
public record Team(UUID id, String name) {
}
