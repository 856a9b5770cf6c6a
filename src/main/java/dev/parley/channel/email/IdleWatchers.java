package dev.parley.channel.email;

import dev.parley.mail.ImapMailbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One virtual thread per mailbox that waits for new mail with IMAP IDLE (where the server offers it) and asks for
 * a poll when it comes; polling at the interval stays the safety net. A lost connection is reopened after a
 * growing pause, never in a tight loop.
 */
@Component
class IdleWatchers implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IdleWatchers.class);
    private static final Duration IDLE_ROUND = Duration.ofMinutes(9);

    private final EmailSettings settings;
    private final Map<UUID, Thread> watching = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    IdleWatchers(EmailSettings settings) {
        this.settings = settings;
    }

    void watch(List<Mailbox> mailboxes, Consumer<UUID> onNewMail) {
        if (!settings.idle() || stopped) {
            return;
        }
        for (Mailbox mailbox : mailboxes) {
            watching.computeIfAbsent(mailbox.inbox().id(), id -> Thread.ofVirtual()
                    .name("email-idle-" + mailbox.address()).start(() -> run(mailbox, onNewMail)));
        }
    }

    private void run(Mailbox mailbox, Consumer<UUID> onNewMail) {
        long pauseSeconds = 5;
        try {
            while (!stopped) {
                try (ImapMailbox imap = ImapMailbox.open(mailbox.imap(), settings.timeout())) {
                    if (!imap.supportsIdle()) {
                        log.info("{} does not offer IMAP IDLE; polling every {}", mailbox.address(),
                                mailbox.pollInterval());
                        return;
                    }
                    pauseSeconds = 5;
                    while (!stopped) {
                        imap.awaitChange(IDLE_ROUND);
                        if (!stopped) {
                            onNewMail.accept(mailbox.inbox().id());
                        }
                    }
                } catch (Exception e) {
                    log.debug("IDLE on {} ended: {}", mailbox.address(), e.getMessage());
                }
                Thread.sleep(Duration.ofSeconds(pauseSeconds));
                pauseSeconds = Math.min(pauseSeconds * 2, 300);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            watching.remove(mailbox.inbox().id());
        }
    }

    @Override
    public void destroy() {
        stopped = true;
        watching.values().forEach(Thread::interrupt);
    }
}
