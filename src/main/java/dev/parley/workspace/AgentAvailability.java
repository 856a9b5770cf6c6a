package dev.parley.workspace;

import dev.parley.workspace.internal.PresenceRepository;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Whether people are there to answer: the widget offers to continue by email when nobody is online, and an agent who
 * is not online is emailed when a customer writes in their conversation.
 */
@Service
public class AgentAvailability {

    private final PresenceRepository presence;

    AgentAvailability(PresenceRepository presence) {
        this.presence = presence;
    }

    public boolean anyoneOnline() {
        return onlineCount() > 0;
    }

    /** Whether this agent is online now (away and offline agents are not: they may not see the dashboard). */
    public boolean isOnline(UUID agentId) {
        return presence.find(agentId).map(row -> row.status() == PresenceStatus.ONLINE).orElse(false);
    }

    public int onlineCount() {
        return presence.online().size();
    }
}
