package dev.parley.channel.web;

import dev.parley.conversation.AnswerFeedback;
import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * An AI answer the customer neither confirmed nor rejected within {@code parley.widget.feedback-timeout} counts as
 * resolved (assumed). One node at a time (ShedLock), so each answer is assumed once.
 */
@Component
class WidgetFeedbackTimeouts {

    private final AnswerFeedback feedback;
    private final WidgetSettings settings;
    private final Clock clock;

    WidgetFeedbackTimeouts(AnswerFeedback feedback, WidgetSettings settings, Clock clock) {
        this.feedback = feedback;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${parley.widget.feedback-check-interval:1m}",
            fixedDelayString = "${parley.widget.feedback-check-interval:1m}")
    @SchedulerLock(name = "channel.widget-feedback-timeout", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1S")
    void assumeUnanswered() {
        feedback.assumeHelpfulBefore(clock.instant().minus(settings.feedbackTimeout()));
    }
}
