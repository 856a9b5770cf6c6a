package dev.parley.workspace.internal;

import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.RealtimeEvent;
import dev.parley.workspace.AgentMentioned;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells the dashboards that an agent was mentioned; the mentioned agent's dashboard shows a desktop notification. */
@Component
class MentionRelay {

    private final RealtimeBus bus;

    MentionRelay(RealtimeBus bus) {
        this.bus = bus;
    }

    @ApplicationModuleListener
    void on(AgentMentioned event) {
        bus.publish(new RealtimeEvent(RealtimeEvent.AGENTS, "mentioned", 0, Map.of(
                "conversationId", event.conversationId(), "agentId", event.agentId(),
                "byName", event.byName() == null ? "" : event.byName(),
                "subject", event.subject() == null ? "" : event.subject(), "excerpt", event.excerpt())));
    }
}
