package dev.parley.workspace;

import dev.parley.workspace.internal.PresenceRepository;
import org.springframework.stereotype.Service;

/** Whether people are there to answer: the widget offers to continue by email when nobody is online. */
@Service
public class AgentAvailability {

    private final PresenceRepository presence;

    AgentAvailability(PresenceRepository presence) {
        this.presence = presence;
    }

    public boolean anyoneOnline() {
        return onlineCount() > 0;
    }

    public int onlineCount() {
        return presence.online().size();
    }
}
