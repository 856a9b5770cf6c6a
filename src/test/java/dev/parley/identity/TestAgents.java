package dev.parley.identity;

import java.util.List;
import java.util.UUID;

/** Creates real agents with unique emails, since every test JVM shares one database. */
public final class TestAgents {

    public static final String PASSWORD = "correct horse battery";

    private TestAgents() {
    }

    public static Agent create(Agents agents, Role role) {
        return create(agents, role, null);
    }

    public static Agent create(Agents agents, Role role, Integer maxConcurrent) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return agents.create(Actor.SYSTEM, new NewAgent("Agent " + id, "agent-" + id + "@test.local", role, PASSWORD,
                maxConcurrent, List.of())).agent();
    }

    public static AgentPrincipal principal(Agent agent) {
        return new AgentPrincipal(agent, null);
    }
}
