package dev.parley.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Resets the shared test database's inbox: nobody online (held offline by hand), no conversation still open
 * and nothing waiting, so a test's own escalations are the only work and go to the agents it brings online.
 */
public final class QuietInbox {

    private QuietInbox() {
    }

    public static void reset(JdbcClient jdbc) {
        jdbc.sql("UPDATE agent_presence SET status = 'OFFLINE', manual = TRUE").update();
        jdbc.sql("UPDATE conversation SET status = 'CLOSED' WHERE status IN ('ESCALATED', 'IN_PROGRESS', "
                + "'WAITING_CUSTOMER', 'OPEN')").update();
        jdbc.sql("DELETE FROM waiting_queue").update();
    }
}
