package dev.parley.notification.internal;

import dev.parley.notification.NotificationSettings;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tries notification mails again that failed for a passing reason (the listener threw, so the event publication
 * registry kept them): every {@code parley.notifications.retry-interval}, once across the cluster.
 */
@Component
class FailedNotificationRetry {

    private final IncompleteEventPublications publications;
    private final NotificationSettings settings;

    FailedNotificationRetry(IncompleteEventPublications publications, NotificationSettings settings) {
        this.publications = publications;
        this.settings = settings;
    }

    @Scheduled(initialDelayString = "${parley.notifications.retry-interval:1m}",
            fixedDelayString = "${parley.notifications.retry-interval:1m}")
    @SchedulerLock(name = "notification.retry", lockAtMostFor = "PT5M")
    void retry() {
        publications.resubmitIncompletePublications(ResubmissionOptions.defaults()
                .withMinAge(settings.retryInterval())
                .withFilter(FailedNotificationRetry::isNotification));
    }

    static boolean isNotification(EventPublication publication) {
        return publication instanceof TargetEventPublication target
                && target.getTargetIdentifier().getValue().startsWith(FailedNotificationRetry.class.getPackageName());
    }
}
