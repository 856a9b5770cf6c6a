package dev.parley.workspace.internal;

import dev.parley.sla.OpeningHours;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.WaitingNotice;
import dev.parley.workspace.QueueStatus;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Tells a customer who writes while waiting for a person where they stand: their place in the queue and the
 * expected wait, that an agent already has the conversation, or that nobody is online right now.
 */
@Component
class QueueWaitingNotice implements WaitingNotice {

    private final QueueEstimates estimates;
    private final OpeningHours openingHours;

    QueueWaitingNotice(QueueEstimates estimates, OpeningHours openingHours) {
        this.estimates = estimates;
        this.openingHours = openingHours;
    }

    @Override
    public String text(Conversation conversation) {
        if (conversation.assigneeId() != null) {
            return "Thanks — someone from our team has your conversation and will reply here shortly.";
        }
        Optional<String> away = openingHours.awayNotice(conversation.teamId());
        if (away.isPresent()) {
            return "Thanks — our team is away right now. " + away.get() + " A person will reply here then.";
        }
        Optional<QueueStatus> waiting = estimates.status(conversation.id());
        if (waiting.isEmpty()) {
            return FALLBACK;
        }
        QueueStatus queue = waiting.get();
        String place = "Thanks — you're number " + queue.position() + " in line";
        if (queue.agentsOnline() == 0) {
            return place + ". No one from our team is online right now; a person will reply here as soon as someone is.";
        }
        return place + "; a person usually replies within about " + about(queue.estimatedWaitSeconds()) + ".";
    }

    /** A wait as a person says it: "1 minute", "10 minutes", "2 hours". */
    static String about(long seconds) {
        long minutes = Math.max(1, Math.round(seconds / 60.0));
        if (minutes < 120) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        return Math.round(minutes / 60.0) + " hours";
    }
}
