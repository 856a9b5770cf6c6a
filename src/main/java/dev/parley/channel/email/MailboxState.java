package dev.parley.channel.email;

import java.time.Instant;
import java.util.UUID;

/** Where polling of one mailbox stands, for the poller, the admin page and the health endpoint. */
record MailboxState(UUID inboxId, String managedBy, Long uidValidity, long lastUid, Instant lastPollAt,
        String lastError, Instant lastErrorAt, int consecutiveFailures, long pollIntervalMs) {

    boolean failing() {
        return consecutiveFailures > 0;
    }
}
