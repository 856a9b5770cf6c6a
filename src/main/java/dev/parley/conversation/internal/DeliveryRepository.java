package dev.parley.conversation.internal;

import static dev.parley.conversation.internal.ConversationRepository.instant;
import static dev.parley.conversation.internal.ConversationRepository.toTimestamp;

import dev.parley.conversation.Delivery;
import dev.parley.conversation.DeliveryState;
import dev.parley.conversation.PersonalTexts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Delivery rows, one per visible reply. */
@Repository
public class DeliveryRepository {

    private final JdbcClient jdbc;
    private final PersonalTexts texts;

    public DeliveryRepository(JdbcClient jdbc, PersonalTexts texts) {
        this.jdbc = jdbc;
        this.texts = texts;
    }

    public Optional<Delivery> find(UUID messageId) {
        return jdbc.sql("SELECT * FROM message_delivery WHERE message_id = :m").param("m", messageId)
                .query(this::map).optional();
    }

    public Optional<Delivery> byExternalId(UUID inboxId, String externalId) {
        return jdbc.sql("SELECT * FROM message_delivery WHERE inbox_id = :i AND external_id = :e")
                .param("i", inboxId).param("e", externalId).query(this::map).list().stream().findFirst();
    }

    public void insertIfAbsent(UUID messageId, UUID conversationId, UUID inboxId, Instant now) {
        if (find(messageId).isPresent()) {
            return;
        }
        try {
            jdbc.sql("""
                    INSERT INTO message_delivery (message_id, conversation_id, inbox_id, state, attempts, created_at,
                        updated_at)
                    VALUES (:m, :c, :i, 'PENDING', 0, :at, :at)""")
                    .param("m", messageId).param("c", conversationId).param("i", inboxId)
                    .param("at", toTimestamp(now)).update();
        } catch (DuplicateKeyException raced) {
            // Another node began the same delivery a moment ago.
        }
    }

    public void update(UUID messageId, DeliveryState state, int attempts, String error, String externalId,
            Instant nextAttemptAt, Instant now) {
        jdbc.sql("""
                UPDATE message_delivery SET state = :state, attempts = :attempts, last_error = :error,
                    external_id = COALESCE(:ext, external_id), next_attempt_at = :next, updated_at = :at
                WHERE message_id = :m""")
                .param("m", messageId).param("state", state.name()).param("attempts", attempts)
                .param("error", texts.seal(error, PersonalTexts.DELIVERY_ERROR)).param("ext", externalId).param("next", toTimestamp(nextAttemptAt))
                .param("at", toTimestamp(now)).update();
    }

    /** Moves a delivery from {@code from} to {@code to}; false when it was no longer in {@code from}. */
    public boolean advance(UUID messageId, DeliveryState from, DeliveryState to, Instant now) {
        return jdbc.sql("UPDATE message_delivery SET state = :to, updated_at = :at WHERE message_id = :m AND state = :from")
                .param("m", messageId).param("from", from.name()).param("to", to.name())
                .param("at", toTimestamp(now)).update() > 0;
    }

    public boolean claim(UUID messageId, int attempts, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE message_delivery SET next_attempt_at = :until
                WHERE message_id = :m AND state = 'PENDING' AND attempts = :attempts
                  AND (next_attempt_at IS NULL OR next_attempt_at <= :now)""")
                .param("m", messageId).param("attempts", attempts).param("now", toTimestamp(now))
                .param("until", toTimestamp(until)).update() > 0;
    }

    /**
     * Pending deliveries whose retry is due, and those never attempted (no retry time, no claim) that were begun
     * before {@code unclaimedBefore}: their node stopped before it got to them.
     */
    public List<Delivery> due(Instant now, Instant unclaimedBefore, int limit) {
        return jdbc.sql("""
                SELECT * FROM message_delivery WHERE state = 'PENDING'
                  AND (next_attempt_at <= :now OR (next_attempt_at IS NULL AND created_at <= :unclaimed))
                ORDER BY COALESCE(next_attempt_at, created_at) FETCH FIRST :limit ROWS ONLY""")
                .param("now", toTimestamp(now)).param("unclaimed", toTimestamp(unclaimedBefore))
                .param("limit", limit).query(this::map).list();
    }

    /**
     * A conversation's pending deliveries that may be attempted now (due or never attempted), in message order, up
     * to the first reply written since {@code awaitedSince} whose delivery is not begun yet: replies are begun by
     * listeners running side by side, and one written later must not leave before it.
     */
    public List<Delivery> attemptable(UUID conversationId, Instant now, Instant awaitedSince) {
        return jdbc.sql("""
                SELECT d.* FROM message_delivery d JOIN message m ON m.id = d.message_id
                WHERE d.conversation_id = :c AND d.state = 'PENDING'
                  AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= :now)
                  AND NOT EXISTS (SELECT 1 FROM message e WHERE e.conversation_id = :c AND e.seq < m.seq
                      AND e.internal = FALSE AND e.author_type <> 'CUSTOMER' AND e.created_at >= :awaited
                      AND NOT EXISTS (SELECT 1 FROM message_delivery b WHERE b.message_id = e.id))
                ORDER BY m.seq""")
                .param("c", conversationId).param("now", toTimestamp(now))
                .param("awaited", toTimestamp(awaitedSince)).query(this::map).list();
    }

    public Map<UUID, Delivery> ofConversation(UUID conversationId) {
        Map<UUID, Delivery> result = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM message_delivery WHERE conversation_id = :c ORDER BY created_at")
                .param("c", conversationId).query(this::map).list()
                .forEach(d -> result.put(d.messageId(), d));
        return result;
    }

    private Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getObject("message_id", UUID.class), rs.getObject("conversation_id", UUID.class),
                rs.getObject("inbox_id", UUID.class), DeliveryState.valueOf(rs.getString("state")),
                rs.getInt("attempts"), texts.open(rs.getString("last_error"), PersonalTexts.DELIVERY_ERROR), rs.getString("external_id"),
                instant(rs, "next_attempt_at"), instant(rs, "updated_at"));
    }
}
