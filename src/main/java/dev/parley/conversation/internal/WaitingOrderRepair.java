package dev.parley.conversation.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts the inbox's stored waiting order right where a node of an earlier version left it behind: during a rolling
 * upgrade, nodes from before {@code waiting_since} (V892) record a customer's message without it, so that
 * conversation kept its old place in the longest-waiting-first order until its next change. Every node runs this
 * once after it starts, in the background, so the last node to be upgraded leaves no such row behind. The statement
 * is idempotent (several nodes may run it at once) and reads the table once.
 */
@Component
public class WaitingOrderRepair {

    private static final Logger log = LoggerFactory.getLogger(WaitingOrderRepair.class);

    private final JdbcClient jdbc;

    WaitingOrderRepair(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        Thread.ofVirtual().name("waiting-order-repair").start(() -> {
            try {
                repair();
            } catch (RuntimeException e) { // the next start tries again; the order is only off, nothing is lost
                log.warn("Could not check the inbox's waiting order after start: {}", e.toString());
            }
        });
    }

    /** Rows whose waiting order disagrees with when their customer last wrote, put right; returns how many. */
    public int repair() {
        int repaired = jdbc.sql("""
                UPDATE conversation SET waiting_since = COALESCE(last_customer_message_at, created_at)
                WHERE waiting_since IS NULL OR waiting_since <> COALESCE(last_customer_message_at, created_at)""")
                .update();
        if (repaired > 0) {
            log.info("Put the waiting order of {} conversation(s) right (written by a node of an earlier version)",
                    repaired);
        }
        return repaired;
    }
}
