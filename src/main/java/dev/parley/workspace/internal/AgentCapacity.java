package dev.parley.workspace.internal;

import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatus;
import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import dev.parley.workspace.InboxSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * How much work each online agent can still take: their limit (own or the default) minus the open
 * conversations they hold.
 */
@Component
public class AgentCapacity {

    /** The statuses that occupy an agent: everything not finished. */
    public static final Set<ConversationStatus> LOAD = EnumSet.of(ConversationStatus.OPEN,
            ConversationStatus.ESCALATED, ConversationStatus.IN_PROGRESS, ConversationStatus.WAITING_CUSTOMER);
    /** The statuses in which a conversation needs a person. */
    public static final Set<ConversationStatus> NEEDS_PERSON = EnumSet.of(ConversationStatus.ESCALATED,
            ConversationStatus.IN_PROGRESS, ConversationStatus.WAITING_CUSTOMER);

    private final PresenceRepository presence;
    private final Agents agents;
    private final ConversationQueries conversations;
    private final InboxSettings settings;

    AgentCapacity(PresenceRepository presence, Agents agents, ConversationQueries conversations,
            InboxSettings settings) {
        this.presence = presence;
        this.agents = agents;
        this.conversations = conversations;
        this.settings = settings;
    }

    /** One online agent's room for more work. */
    public record Slot(UUID agentId, String name, int capacity, long load, Instant lastAssignedAt) {

        public long free() {
            return capacity - load;
        }

        Slot plusOne(Instant now) {
            return new Slot(agentId, name, capacity, load + 1, now);
        }
    }

    public int capacityOf(Agent agent) {
        return agent.maxConcurrent() != null ? agent.maxConcurrent() : settings.maxConcurrentPerAgent();
    }

    /** The open conversations an agent holds and how many they may hold. */
    public record Room(long load, int capacity) {

        public boolean full() {
            return load >= capacity;
        }
    }

    public Room roomOf(Agent agent) {
        return new Room(conversations.countAssigned(agent.id(), LOAD), capacityOf(agent));
    }

    /** Every online, active agent with their capacity and load. */
    public List<Slot> online() {
        List<Slot> slots = new ArrayList<>();
        for (PresenceRepository.Row row : presence.online()) {
            agents.find(row.agentId()).filter(Agent::active).ifPresent(agent -> slots.add(new Slot(agent.id(),
                    agent.name(), capacityOf(agent), conversations.countAssigned(agent.id(), LOAD),
                    row.lastAssignedAt())));
        }
        return slots;
    }
}
