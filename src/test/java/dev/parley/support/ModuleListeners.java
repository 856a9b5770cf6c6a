package dev.parley.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Waits for module listeners, which run after the change commits on their own threads. */
public final class ModuleListeners {

    private ModuleListeners() {
    }

    /** Until every listener of the module under {@code packagePrefix} (dev.parley.analytics) has completed. */
    public static void awaitCompleted(JdbcClient jdbc, String packagePrefix) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> incomplete(jdbc, packagePrefix) == 0);
    }

    public static long incomplete(JdbcClient jdbc, String packagePrefix) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE :p AND completion_date IS NULL")
                .param("p", packagePrefix + ".%").query(Long.class).single();
    }

    /**
     * Listeners of the module still running for events published within {@code window}: in flight, where older
     * incomplete ones are failures waiting for their retry.
     */
    public static long inFlight(JdbcClient jdbc, String packagePrefix, Duration window) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE :p AND completion_date IS NULL "
                + "AND publication_date > :since").param("p", packagePrefix + ".%")
                .param("since", OffsetDateTime.now(ZoneOffset.UTC).minus(window)).query(Long.class).single();
    }
}
