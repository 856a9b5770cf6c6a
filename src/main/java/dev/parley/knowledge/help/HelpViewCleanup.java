package dev.parley.knowledge.help;

import dev.parley.knowledge.internal.HelpViewRepository;
import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets per-visitor view times once they are older than the view window (they no longer matter). */
@Component
class HelpViewCleanup {

    private final HelpViewRepository views;
    private final HelpCenterSettings settings;
    private final Clock clock;

    HelpViewCleanup(HelpViewRepository views, HelpCenterSettings settings, Clock clock) {
        this.views = views;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    @SchedulerLock(name = "knowledge.help-view-cleanup", lockAtMostFor = "PT55M", lockAtLeastFor = "PT50M")
    void forgetOldViews() {
        views.forgetBefore(clock.instant().minus(settings.viewWindow()));
    }
}
