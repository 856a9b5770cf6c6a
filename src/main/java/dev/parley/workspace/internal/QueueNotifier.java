package dev.parley.workspace.internal;

import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.RealtimeEvent;
import dev.parley.workspace.QueueStatus;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells customers where they stand after the queue moved: {@code assigned} {agentName} at once to the ones that
 * got an agent; {@code queue} {position, estimatedWaitSeconds, agentsOnline} to every waiting conversation and
 * {@code queue} {length} to the dashboards. The queue broadcast goes to everyone who waits, so bursts of queue
 * changes are coalesced into at most one broadcast per {@link #COALESCE}, read once, off the caller's thread.
 */
@Component
class QueueNotifier {

    static final Duration COALESCE = Duration.ofMillis(250);
    private static final Logger log = LoggerFactory.getLogger(QueueNotifier.class);

    private final RealtimeBus bus;
    private final QueueEstimates estimates;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("queue-broadcast").daemon().factory());

    QueueNotifier(RealtimeBus bus, QueueEstimates estimates) {
        this.bus = bus;
        this.estimates = estimates;
    }

    void queueMoved(List<Assigner.Assignment> assignments) {
        for (Assigner.Assignment a : assignments) {
            bus.publish(new RealtimeEvent(RealtimeEvent.conversationTopic(a.conversationId()), "assigned", 0,
                    Map.of("conversationId", a.conversationId(), "agentName", a.agentName())));
        }
        if (pending.compareAndSet(false, true)) {
            scheduler.schedule(this::broadcast, COALESCE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Cleared before reading, so a change made while this runs schedules the next broadcast. */
    private void broadcast() {
        pending.set(false);
        try {
            Map<UUID, QueueStatus> waiting = estimates.all();
            waiting.forEach((conversationId, status) -> bus.publish(new RealtimeEvent(
                    RealtimeEvent.conversationTopic(conversationId), "queue", 0,
                    Map.of("conversationId", conversationId, "position", status.position(),
                            "estimatedWaitSeconds", status.estimatedWaitSeconds(),
                            "agentsOnline", status.agentsOnline()))));
            bus.publish(new RealtimeEvent(RealtimeEvent.AGENTS, "queue", 0, Map.of("length", waiting.size())));
        } catch (RuntimeException e) {
            // the next queue change broadcasts the whole queue again; until then customers keep their last figures
            log.warn("Could not tell waiting customers their place in the queue", e);
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
