package dev.parley.channel.email;

import static dev.parley.shared.CleanText.shorten;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** email_mailbox and email_failed_uid rows. URLs are stored as the encryption module sealed them. */
@Repository
class MailboxRepository {

    /** The longest error text kept (a mail server may answer with pages). */
    private static final int MAX_ERROR = 1000;

    private final JdbcClient jdbc;

    MailboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<MailboxState> all() {
        return jdbc.sql("SELECT * FROM email_mailbox ORDER BY created_at").query(MailboxRepository::map).list();
    }

    Optional<MailboxState> find(UUID inboxId) {
        return jdbc.sql("SELECT * FROM email_mailbox WHERE inbox_id = :id").param("id", inboxId)
                .query(MailboxRepository::map).optional();
    }

    Optional<String[]> sealedUrls(UUID inboxId) {
        return jdbc.sql("SELECT imap_url, smtp_url FROM email_mailbox WHERE inbox_id = :id").param("id", inboxId)
                .query((rs, i) -> new String[] {rs.getString("imap_url"), rs.getString("smtp_url")}).optional();
    }

    void insert(UUID inboxId, String managedBy, String imapSealed, String smtpSealed, long pollMs, Instant now) {
        jdbc.sql("""
                INSERT INTO email_mailbox (inbox_id, managed_by, imap_url, smtp_url, poll_interval_ms, created_at,
                    updated_at) VALUES (:id, :by, :imap, :smtp, :poll, :at, :at)""")
                .param("id", inboxId).param("by", managedBy).param("imap", imapSealed).param("smtp", smtpSealed)
                .param("poll", pollMs).param("at", ts(now)).update();
    }

    void updatePollInterval(UUID inboxId, long pollMs) {
        jdbc.sql("UPDATE email_mailbox SET poll_interval_ms = :poll WHERE inbox_id = :id")
                .param("id", inboxId).param("poll", pollMs).update();
    }

    void delete(UUID inboxId) {
        jdbc.sql("DELETE FROM email_mailbox WHERE inbox_id = :id").param("id", inboxId).update();
    }

    /** A new UIDVALIDITY means the folder was rebuilt: UIDs start again (Message-IDs still prevent duplicates). */
    void resetUids(UUID inboxId, long uidValidity) {
        jdbc.sql("UPDATE email_mailbox SET uid_validity = :v, last_uid = 0 WHERE inbox_id = :id")
                .param("id", inboxId).param("v", uidValidity).update();
    }

    void advance(UUID inboxId, long uid) {
        jdbc.sql("UPDATE email_mailbox SET last_uid = :uid WHERE inbox_id = :id AND last_uid < :uid")
                .param("id", inboxId).param("uid", uid).update();
    }

    void polled(UUID inboxId, Instant now) {
        jdbc.sql("""
                UPDATE email_mailbox SET last_poll_at = :at, consecutive_failures = 0, last_error = NULL
                WHERE inbox_id = :id""").param("id", inboxId).param("at", ts(now)).update();
    }

    void pollFailed(UUID inboxId, String error, Instant now) {
        jdbc.sql("""
                UPDATE email_mailbox SET last_poll_at = :at, last_error = :error, last_error_at = :at,
                    consecutive_failures = consecutive_failures + 1 WHERE inbox_id = :id""")
                .param("id", inboxId).param("error", shorten(error, MAX_ERROR)).param("at", ts(now)).update();
    }

    /** Counts a failure to take one mail; returns how often it has failed now. */
    int mailFailed(UUID inboxId, long uidValidity, long uid, String error) {
        String kept = shorten(error, MAX_ERROR);
        int updated = jdbc.sql("""
                UPDATE email_failed_uid SET failures = failures + 1, last_error = :error
                WHERE inbox_id = :id AND uid_validity = :v AND uid = :uid""")
                .param("id", inboxId).param("v", uidValidity).param("uid", uid).param("error", kept).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO email_failed_uid (inbox_id, uid_validity, uid, failures, last_error)
                    VALUES (:id, :v, :uid, 1, :error)""")
                    .param("id", inboxId).param("v", uidValidity).param("uid", uid).param("error", kept).update();
        }
        return jdbc.sql("SELECT failures FROM email_failed_uid WHERE inbox_id = :id AND uid_validity = :v AND uid = :uid")
                .param("id", inboxId).param("v", uidValidity).param("uid", uid).query(Integer.class).single();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static MailboxState map(ResultSet rs, int row) throws SQLException {
        long validity = rs.getLong("uid_validity");
        Long uidValidity = rs.wasNull() ? null : validity;
        return new MailboxState(rs.getObject("inbox_id", UUID.class), rs.getString("managed_by"), uidValidity,
                rs.getLong("last_uid"), instant(rs, "last_poll_at"), rs.getString("last_error"),
                instant(rs, "last_error_at"), rs.getInt("consecutive_failures"), rs.getLong("poll_interval_ms"));
    }
}
