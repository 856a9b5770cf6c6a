package dev.parley.channel.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts attempts to deliver a reply to its channel, {@code parley.delivery.attempts{channel, outcome}} with
 * outcome {@code success} or {@code failure} (a retry later counts again), which the ParleyDeliveryFailing alert
 * reads. Every installed channel's counters exist from the start, at zero.
 */
@Component
class DeliveryAttempts {

    private final MeterRegistry meters;

    DeliveryAttempts(ChannelRegistry channels, MeterRegistry meters) {
        this.meters = meters;
        for (String channel : channels.ids()) {
            counter(channel, true);
            counter(channel, false);
        }
    }

    void succeeded(String channel) {
        counter(channel, true).increment();
    }

    void failed(String channel) {
        counter(channel, false).increment();
    }

    private Counter counter(String channel, boolean success) {
        return Counter.builder("parley.delivery.attempts")
                .description("Attempts to deliver a reply to its conversation's channel")
                .tag("channel", channel).tag("outcome", success ? "success" : "failure").register(meters);
    }
}
