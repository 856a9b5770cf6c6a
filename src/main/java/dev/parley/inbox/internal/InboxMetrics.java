package dev.parley.inbox.internal;

import dev.parley.inbox.AgentAvailability;
import dev.parley.inbox.WaitingQueue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Prometheus gauges of the desk's staffing: conversations waiting for an agent, and agents online. */
@Component
class InboxMetrics {

    InboxMetrics(MeterRegistry meters, WaitingQueue queue, AgentAvailability availability) {
        Gauge.builder("parley.queue.length", queue, q -> q.length())
                .description("Escalated conversations waiting for an agent with free capacity").register(meters);
        Gauge.builder("parley.agents.online", availability, a -> a.onlineCount())
                .description("Agents online").register(meters);
    }
}
