package dev.parley.workspace.internal;

import dev.parley.workspace.QueueStatus;
import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.RealtimeEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells customers where they stand after the queue moved: {@code queue} {position, estimatedWaitSeconds,
 * agentsOnline} to every waiting conversation, {@code assigned} {agentName} to the ones that got an agent,
 * and {@code queue} {length} to the dashboards.
 */
@Component
class QueueNotifier {

    private final RealtimeBus bus;
    private final QueueEstimates estimates;

    QueueNotifier(RealtimeBus bus, QueueEstimates estimates) {
        this.bus = bus;
        this.estimates = estimates;
    }

    void queueMoved(List<Assigner.Assignment> assignments) {
        for (Assigner.Assignment a : assignments) {
            bus.publish(new RealtimeEvent(RealtimeEvent.conversationTopic(a.conversationId()), "assigned", 0,
                    Map.of("conversationId", a.conversationId(), "agentName", a.agentName())));
        }
        Map<UUID, QueueStatus> waiting = estimates.all();
        waiting.forEach((conversationId, status) -> bus.publish(new RealtimeEvent(
                RealtimeEvent.conversationTopic(conversationId), "queue", 0,
                Map.of("conversationId", conversationId, "position", status.position(),
                        "estimatedWaitSeconds", status.estimatedWaitSeconds(), "agentsOnline", status.agentsOnline()))));
        bus.publish(new RealtimeEvent(RealtimeEvent.AGENTS, "queue", 0, Map.of("length", waiting.size())));
    }
}
