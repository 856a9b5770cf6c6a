package dev.parley.channel.email;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The "email" health indicator: each mailbox's last poll and, while its server is unreachable, the error and how
 * many polls in a row failed. A failing mailbox is reported in the details, not as DOWN: Parley keeps serving and
 * must not be restarted in a loop for a mail server it cannot fix.
 */
@Component("email")
class EmailHealth implements HealthIndicator {

    private final Mailboxes mailboxes;

    EmailHealth(Mailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        Map<java.util.UUID, MailboxState> states = mailboxes.statesById();
        for (Mailbox mailbox : mailboxes.active()) {
            MailboxState state = states.get(mailbox.inbox().id());
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("lastPoll", state == null || state.lastPollAt() == null ? "never" : state.lastPollAt().toString());
            if (state != null && state.failing()) {
                one.put("state", "failing");
                one.put("error", state.lastError());
                one.put("failedPollsInARow", state.consecutiveFailures());
            }
            details.put(mailbox.address(), one);
        }
        return Health.up().withDetails(details).build();
    }
}
