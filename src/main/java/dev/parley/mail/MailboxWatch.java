package dev.parley.mail;

import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * IMAP IDLE with an end: Jakarta Mail's idle() waits until the server speaks, so a second thread sends NOOP when
 * the time is up, which ends the IDLE (the documented way to interrupt it). Each IDLE lasts less than the socket
 * read timeout, which also applies while idling.
 */
final class MailboxWatch {

    private final IMAPFolder folder;
    private final Duration slice;
    private int knownCount = -1;

    MailboxWatch(IMAPFolder folder, Duration readTimeout) {
        this.folder = folder;
        // Half the read timeout: the NOOP that ends a slice may be late on a loaded machine and still beat the timeout.
        this.slice = Duration.ofMillis(Math.max(500, readTimeout.toMillis() / 2));
    }

    /** The message count the caller has caught up with. */
    void seen(int messageCount) {
        knownCount = messageCount;
    }

    void idle(Duration max) throws MessagingException, InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        noop();
        while (!changed()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return;
            }
            var aborted = new AtomicBoolean();
            long wait = Math.min(remaining, slice.toNanos());
            Thread aborter = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(Duration.ofNanos(wait));
                    aborted.set(true);
                    noop();
                } catch (InterruptedException | MessagingException e) {
                    // the IDLE ended by itself, or the connection broke: the idle() call reports that
                }
            });
            try {
                folder.idle(true);
            } finally {
                aborter.interrupt();
                aborter.join();
            }
            if (!aborted.get()) {
                return; // the server spoke first: new mail, expunge or flags
            }
        }
    }

    private boolean changed() throws MessagingException {
        return knownCount >= 0 && folder.getMessageCount() != knownCount;
    }

    /** Asks the server what changed: an open folder only learns of new mail when the server gets to say so. */
    void refresh() throws MessagingException {
        noop();
    }

    private void noop() throws MessagingException {
        folder.doCommand(protocol -> {
            protocol.noop();
            return null;
        });
    }
}
