package dev.parley.identity.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes expired dashboard sessions from the database once across the cluster. Spring Session's own timer would
 * run the same delete on every node (turned off: {@code spring.session.jdbc.cleanup-cron=-}); sessions in Redis
 * expire by themselves, so with Redis there is nothing to do.
 */
@Component
class ExpiredSessionCleanup {

    private final ObjectProvider<JdbcIndexedSessionRepository> sessions;

    ExpiredSessionCleanup(ObjectProvider<JdbcIndexedSessionRepository> sessions) {
        this.sessions = sessions;
    }

    @Scheduled(fixedDelayString = "${parley.identity.session-cleanup-interval:10m}", initialDelay = 60_000)
    @SchedulerLock(name = "identity.session-cleanup", lockAtMostFor = "PT10M")
    void deleteExpiredSessions() {
        sessions.ifAvailable(JdbcIndexedSessionRepository::cleanUpExpiredSessions);
    }
}
