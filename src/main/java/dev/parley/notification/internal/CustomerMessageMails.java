package dev.parley.notification.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * When the assignee was last mailed that a customer wrote, per conversation. Of two listeners (or nodes) racing for
 * one conversation only one claims it; a claim is committed at once, so no lock is held while the mail goes out, and
 * a send that fails gives it back.
 */
@Repository
public class CustomerMessageMails {

    private final JdbcClient jdbc;

    public CustomerMessageMails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the right to mail about this conversation at {@code now}: false when a mail went out after {@code cutoff}. */
    public boolean claim(UUID conversationId, Instant now, Instant cutoff) {
        int inserted = jdbc.sql("INSERT INTO customer_message_mail (conversation_id, sent_at) VALUES (:c, :now) "
                        + "ON CONFLICT DO NOTHING")
                .param("c", conversationId).param("now", now.atOffset(ZoneOffset.UTC)).update();
        if (inserted == 1) {
            return true;
        }
        return jdbc.sql("UPDATE customer_message_mail SET sent_at = :now WHERE conversation_id = :c AND sent_at <= :cutoff")
                .param("c", conversationId).param("now", now.atOffset(ZoneOffset.UTC))
                .param("cutoff", cutoff.atOffset(ZoneOffset.UTC)).update() == 1;
    }

    /** Gives a claim back after the mail could not be sent, so the next attempt may send it. */
    public void release(UUID conversationId, Instant claimedAt) {
        jdbc.sql("DELETE FROM customer_message_mail WHERE conversation_id = :c AND sent_at = :at")
                .param("c", conversationId).param("at", claimedAt.atOffset(ZoneOffset.UTC)).update();
    }

    /** Forgets conversations last mailed about before {@code cutoff}: their quiet period is long over. */
    public int forgetBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM customer_message_mail WHERE sent_at < :cutoff")
                .param("cutoff", cutoff.atOffset(ZoneOffset.UTC)).update();
    }
}
