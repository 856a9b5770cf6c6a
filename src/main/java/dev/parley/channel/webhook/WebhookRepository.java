package dev.parley.channel.webhook;

import dev.parley.encryption.EncryptedColumn;
import dev.parley.encryption.Encryption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Subscriptions and their deliveries. The secret column holds the encryption module's sealed value; so do a
 * delivery's payload (it carries customers' messages, names and emails) and the receiver's last response (which may
 * echo it), sealed here and opened when read (issue 17).
 */
@Repository
class WebhookRepository {

    static final String PAYLOAD_PURPOSE = "channel.webhook.payload";
    static final String RESPONSE_PURPOSE = "channel.webhook.response";
    private static final String SUBSCRIPTION = "id, url, events, active, disabled_reason, consecutive_failures, created_at";

    private final JdbcClient jdbc;
    private final Encryption encryption;

    WebhookRepository(JdbcClient jdbc, Encryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    @Bean
    static EncryptedColumn webhookPayloadColumn() {
        return EncryptedColumn.of("webhook_delivery", "id", "payload", PAYLOAD_PURPOSE);
    }

    @Bean
    static EncryptedColumn webhookResponseColumn() {
        return EncryptedColumn.of("webhook_delivery", "id", "last_response", RESPONSE_PURPOSE);
    }

    void insert(UUID id, String url, String events, String sealedSecret, Instant now) {
        jdbc.sql("""
                INSERT INTO webhook_subscription (id, url, events, secret, active, created_at, updated_at)
                VALUES (:id, :url, :events, :secret, TRUE, :at, :at)""")
                .param("id", id).param("url", url).param("events", events).param("secret", sealedSecret)
                .param("at", ts(now)).update();
    }

    List<Subscription> all() {
        return jdbc.sql("SELECT " + SUBSCRIPTION + " FROM webhook_subscription ORDER BY created_at")
                .query(WebhookRepository::subscription).list();
    }

    Optional<Subscription> find(UUID id) {
        return jdbc.sql("SELECT " + SUBSCRIPTION + " FROM webhook_subscription WHERE id = :id").param("id", id)
                .query(WebhookRepository::subscription).optional();
    }

    String sealedSecret(UUID id) {
        return jdbc.sql("SELECT secret FROM webhook_subscription WHERE id = :id").param("id", id)
                .query(String.class).single();
    }

    void setActive(UUID id, boolean active, String reason, Instant now) {
        jdbc.sql("UPDATE webhook_subscription SET active = :active, disabled_reason = :reason, updated_at = :at"
                        + " WHERE id = :id")
                .param("id", id).param("active", active).param("reason", reason).param("at", ts(now)).update();
        if (active) {
            succeeded(id);
        }
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM webhook_subscription WHERE id = :id").param("id", id).update();
    }

    /** Counts a failed delivery; returns the failures in a row now. */
    int failedInARow(UUID id, Instant now) {
        jdbc.sql("UPDATE webhook_subscription SET consecutive_failures = consecutive_failures + 1, updated_at = :at"
                + " WHERE id = :id").param("id", id).param("at", ts(now)).update();
        return jdbc.sql("SELECT consecutive_failures FROM webhook_subscription WHERE id = :id").param("id", id)
                .query(Integer.class).single();
    }

    void succeeded(UUID id) {
        jdbc.sql("UPDATE webhook_subscription SET consecutive_failures = 0 WHERE id = :id AND consecutive_failures > 0")
                .param("id", id).update();
    }

    /** One delivery per subscription and event id: a repeated event is not delivered twice. */
    Optional<UUID> enqueue(UUID subscriptionId, UUID eventId, String type, String payload, Instant now) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, payload, state, attempts,
                        next_attempt_at, created_at, updated_at)
                    VALUES (:id, :s, :e, :type, :payload, 'PENDING', 0, :at, :at, :at)""")
                    .param("id", id).param("s", subscriptionId).param("e", eventId).param("type", type)
                    .param("payload", encryption.encrypt(payload, PAYLOAD_PURPOSE)).param("at", ts(now)).update();
            return Optional.of(id);
        } catch (DuplicateKeyException repeated) {
            return Optional.empty();
        }
    }

    Optional<WebhookDelivery> delivery(UUID id) {
        return jdbc.sql("SELECT * FROM webhook_delivery WHERE id = :id").param("id", id)
                .query(deliveryOpenedWith(encryption::decrypt)).optional();
    }

    List<WebhookDelivery> deliveries(UUID subscriptionId, int limit) {
        return jdbc.sql("SELECT * FROM webhook_delivery WHERE subscription_id = :s ORDER BY created_at DESC"
                        + " FETCH FIRST :limit ROWS ONLY")
                .param("s", subscriptionId).param("limit", limit)
                .query(deliveryOpenedWith(encryption::decryptForList)).list();
    }

    /** A delivery due for an attempt, and whose it is. */
    record Due(UUID deliveryId, UUID subscriptionId) {
    }

    List<Due> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT d.id, d.subscription_id FROM webhook_delivery d
                JOIN webhook_subscription s ON s.id = d.subscription_id
                WHERE d.state = 'PENDING' AND d.next_attempt_at <= :now AND s.active = TRUE
                ORDER BY d.next_attempt_at FETCH FIRST :limit ROWS ONLY""")
                .param("now", ts(now)).param("limit", limit)
                .query((rs, row) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }

    /** Takes a due delivery for one attempt; only one node gets it, and the claim lapses after {@code until}. */
    boolean claim(UUID id, int attempts, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE webhook_delivery SET next_attempt_at = :until
                WHERE id = :id AND state = 'PENDING' AND attempts = :attempts AND next_attempt_at <= :now""")
                .param("id", id).param("attempts", attempts).param("now", ts(now)).param("until", ts(until))
                .update() > 0;
    }

    /**
     * A pending delivery whose stored payload cannot be opened is failed with the reason, once, instead of being
     * picked up again every round; an admin redelivers it once the key is back.
     */
    void unreadable(UUID id, String reason, Instant now) {
        jdbc.sql("""
                UPDATE webhook_delivery SET state = 'FAILED', next_attempt_at = NULL, last_status = NULL,
                    last_latency_ms = NULL, last_response = :response, updated_at = :at
                WHERE id = :id AND state = 'PENDING'""")
                .param("id", id).param("response", sealedResponse(reason)).param("at", ts(now)).update();
    }

    /** A receiver's answer or a reason as stored: its first 2,000 characters, sealed. */
    private String sealedResponse(String response) {
        return encryption.encrypt(response == null || response.length() <= 2000 ? response
                : response.substring(0, 2000), RESPONSE_PURPOSE);
    }

    void attempted(UUID id, String state, int attempts, Instant next, Integer status, Long latencyMs, String response,
            Instant now) {
        jdbc.sql("""
                UPDATE webhook_delivery SET state = :state, attempts = :attempts, next_attempt_at = :next,
                    last_status = :status, last_latency_ms = :latency, last_response = :response, updated_at = :at
                WHERE id = :id""")
                .param("id", id).param("state", state).param("attempts", attempts).param("next", ts(next))
                .param("status", status).param("latency", latencyMs)
                .param("response", sealedResponse(response)).param("at", ts(now)).update();
    }

    /** An admin sends it again: pending now, attempts counted afresh. */
    void redeliver(UUID id, Instant now) {
        jdbc.sql("UPDATE webhook_delivery SET state = 'PENDING', attempts = 0, next_attempt_at = :at, updated_at = :at"
                + " WHERE id = :id").param("id", id).param("at", ts(now)).update();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Subscription subscription(ResultSet rs, int row) throws SQLException {
        return new Subscription(rs.getObject("id", UUID.class), rs.getString("url"),
                new LinkedHashSet<>(Arrays.asList(rs.getString("events").split(","))), rs.getBoolean("active"),
                rs.getString("disabled_reason"), rs.getInt("consecutive_failures"), instant(rs, "created_at"));
    }

    /**
     * Strictly for a delivery that is sent (its payload goes out as stored); leniently for the list an admin reads,
     * where a value that cannot be opened reads as unreadable instead of failing the list.
     */
    private RowMapper<WebhookDelivery> deliveryOpenedWith(BiFunction<String, String, String> open) {
        return (rs, row) -> mapDelivery(rs, open);
    }

    private static WebhookDelivery mapDelivery(ResultSet rs, BiFunction<String, String, String> open)
            throws SQLException {
        int status = rs.getInt("last_status");
        Integer lastStatus = rs.wasNull() ? null : status;
        long latency = rs.getLong("last_latency_ms");
        Long lastLatency = rs.wasNull() ? null : latency;
        return new WebhookDelivery(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                rs.getObject("event_id", UUID.class), rs.getString("event_type"),
                open.apply(rs.getString("payload"), PAYLOAD_PURPOSE),
                rs.getString("state"), rs.getInt("attempts"), instant(rs, "next_attempt_at"), lastStatus, lastLatency,
                open.apply(rs.getString("last_response"), RESPONSE_PURPOSE), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
