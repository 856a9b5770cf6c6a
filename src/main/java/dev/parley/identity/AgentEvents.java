package dev.parley.identity;

import java.time.Instant;
import java.util.UUID;

/** What happened to agents, published inside the transaction that made the change. */
public final class AgentEvents {

    private AgentEvents() {
    }

    public record AgentSignedIn(UUID agentId, Instant at) {
    }

    public record AgentSignedOut(UUID agentId, Instant at) {
    }

    /** An agent was created or edited: role, capacity, teams or active flag may have changed. */
    public record AgentChanged(UUID agentId, boolean active, Instant at) {
    }
}
