package dev.parley.channel.delivery;

import dev.parley.conversation.Deliveries;
import dev.parley.conversation.Delivery;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds deliveries whose back-off is over, and those begun but never attempted because their node stopped first,
 * and hands their conversations to the lanes ({@link DeliveryLanes}), so a retry that hangs holds up no other
 * conversation's. One node looks at a time (ShedLock); an attempt claims its delivery, so nothing is sent twice.
 */
@Component
class DeliveryRetries {

    /** Longer than a lane takes to claim what its listener began, even with its inbox's turns all taken. */
    static final Duration UNCLAIMED_FOR = Duration.ofMinutes(1);
    private static final int BATCH = 100;

    private final Deliveries deliveries;
    private final DeliveryLanes lanes;

    DeliveryRetries(Deliveries deliveries, DeliveryLanes lanes) {
        this.deliveries = deliveries;
        this.lanes = lanes;
    }

    @Scheduled(initialDelayString = "${parley.channels.delivery.retry-interval:15s}",
            fixedDelayString = "${parley.channels.delivery.retry-interval:15s}")
    @SchedulerLock(name = "channel.delivery-retries", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1S")
    void retryDue() {
        deliveries.due(BATCH, UNCLAIMED_FOR).stream().map(Delivery::conversationId).distinct().forEach(lanes::attempt);
    }
}
