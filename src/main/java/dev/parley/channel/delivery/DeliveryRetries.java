package dev.parley.channel.delivery;

import dev.parley.conversation.Deliveries;
import dev.parley.conversation.Delivery;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Retries deliveries whose back-off is over; one node at a time (ShedLock), so nothing is sent twice. */
@Component
class DeliveryRetries {

    private static final int BATCH = 100;

    private final Deliveries deliveries;
    private final Deliverer deliverer;

    DeliveryRetries(Deliveries deliveries, Deliverer deliverer) {
        this.deliveries = deliveries;
        this.deliverer = deliverer;
    }

    @Scheduled(initialDelayString = "${parley.channels.delivery.retry-interval:15s}",
            fixedDelayString = "${parley.channels.delivery.retry-interval:15s}")
    @SchedulerLock(name = "channel.delivery-retries", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1S")
    void retryDue() {
        for (Delivery due : deliveries.due(BATCH)) {
            deliverer.deliver(due.messageId());
        }
    }
}
