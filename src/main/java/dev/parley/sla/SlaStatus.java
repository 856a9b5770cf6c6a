package dev.parley.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Where a conversation stands against its SLA: the target that is running now (the first response until a person
 * has replied, then resolution), when it is due, and whether it is close to or past that.
 *
 * @param warning less than {@code parley.sla.warning-share} of the target's business time is left
 */
public record SlaStatus(UUID conversationId, Target target, Instant dueAt, boolean breached, boolean warning) {

    public enum Target {
        FIRST_RESPONSE("First response"), RESOLUTION("Resolution");

        private final String label;

        Target(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** "First response due in 25 min", "Resolution breached 10 min ago". */
    public String describe(Instant now) {
        if (breached || !dueAt.isAfter(now)) {
            return target.label() + " breached " + amount(Duration.between(dueAt, now)) + " ago";
        }
        return target.label() + " due in " + amount(Duration.between(now, dueAt));
    }

    /** {@code breached}, {@code warning} or {@code ok}: the CSS state of the badge. */
    public String state() {
        return breached ? "breached" : warning ? "warning" : "ok";
    }

    static String amount(Duration d) {
        long minutes = Math.max(1, (d.toSeconds() + 59) / 60);
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return minutes % 60 == 0 ? hours + " h" : hours + " h " + minutes % 60 + " min";
        }
        return (hours / 24) + " days";
    }
}
