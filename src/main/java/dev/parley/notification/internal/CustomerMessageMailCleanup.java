package dev.parley.notification.internal;

import dev.parley.notification.NotificationSettings;
import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps the quiet-period table small: a row is only needed while its quiet period lasts. */
@Component
class CustomerMessageMailCleanup {

    private final CustomerMessageMails mails;
    private final NotificationSettings settings;
    private final Clock clock;

    CustomerMessageMailCleanup(CustomerMessageMails mails, NotificationSettings settings, Clock clock) {
        this.mails = mails;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    @SchedulerLock(name = "notification.quiet-period-cleanup", lockAtMostFor = "PT5M")
    void forgetFinishedQuietPeriods() {
        mails.forgetBefore(clock.instant().minus(settings.customerMessageQuietPeriod().multipliedBy(2)));
    }
}
