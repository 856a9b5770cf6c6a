package dev.parley.workspace.internal;

import dev.parley.workspace.AgentAvailability;
import dev.parley.workspace.WaitingQueue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Prometheus gauges of the desk's staffing: conversations waiting for an agent, how long the longest has waited
 * (what customers feel; deploy/prometheus alerts on it), and agents online.
 */
@Component
class InboxMetrics {

    InboxMetrics(MeterRegistry meters, WaitingQueue queue, QueueRepository waiting, AgentAvailability availability,
            Clock clock) {
        Gauge.builder("parley.queue.length", queue, q -> q.length())
                .description("Escalated conversations waiting for an agent with free capacity").register(meters);
        Gauge.builder("parley.queue.oldest.wait", waiting, w -> oldestWaitSeconds(w, clock)).baseUnit("seconds")
                .description("How long the conversation first in the queue has waited; 0 when none waits")
                .register(meters);
        Gauge.builder("parley.agents.online", availability, a -> a.onlineCount())
                .description("Agents online").register(meters);
    }

    private static double oldestWaitSeconds(QueueRepository waiting, Clock clock) {
        return waiting.ordered().stream().findFirst()
                .map(entry -> Duration.between(entry.waitingSince(), clock.instant()).toMillis() / 1000.0)
                .orElse(0.0);
    }
}
