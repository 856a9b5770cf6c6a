package dev.parley.workspace.internal;

import dev.parley.workspace.PresenceStatus;
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

/** Agent presence rows: status, whether the agent chose it, when a dashboard was last seen, last assignment. */
@Repository
public class PresenceRepository {

    private static final String COLUMNS = "agent_id, status, manual, last_seen_at, last_assigned_at";

    private final JdbcClient jdbc;

    public PresenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(UUID agentId, PresenceStatus status, boolean manual, Instant lastSeenAt, Instant lastAssignedAt) {
    }

    public Optional<Row> find(UUID agentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM agent_presence WHERE agent_id = :a").param("a", agentId)
                .query(PresenceRepository::map).optional();
    }

    /** Sets the status; creates the row on first use. */
    public void set(UUID agentId, PresenceStatus status, boolean manual, Instant now) {
        jdbc.sql("""
                INSERT INTO agent_presence (agent_id, status, manual, last_seen_at, status_since)
                VALUES (:a, :s, :m, :now, :now) ON CONFLICT DO NOTHING""")
                .param("a", agentId).param("s", status.name()).param("m", manual).param("now", time(now)).update();
        jdbc.sql("""
                UPDATE agent_presence SET status_since = CASE WHEN status <> :s OR status_since IS NULL THEN :now
                    ELSE status_since END, status = :s, manual = :m, last_seen_at = :now WHERE agent_id = :a""")
                .param("a", agentId).param("s", status.name()).param("m", manual).param("now", time(now)).update();
    }

    public void seen(UUID agentId, Instant now) {
        jdbc.sql("UPDATE agent_presence SET last_seen_at = :now WHERE agent_id = :a")
                .param("a", agentId).param("now", time(now)).update();
    }

    public void assigned(UUID agentId, Instant now) {
        jdbc.sql("UPDATE agent_presence SET last_assigned_at = :now WHERE agent_id = :a")
                .param("a", agentId).param("now", time(now)).update();
    }

    public List<Row> online() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM agent_presence WHERE status = 'ONLINE'")
                .query(PresenceRepository::map).list();
    }

    /** Online agents no dashboard has reported since {@code cutoff}. */
    public List<UUID> onlineNotSeenSince(Instant cutoff) {
        return jdbc.sql("SELECT agent_id FROM agent_presence WHERE status = 'ONLINE' AND last_seen_at < :c")
                .param("c", time(cutoff)).query(UUID.class).list();
    }

    /** Agents made away automatically (not by their own choice) and not seen since {@code cutoff}. */
    public List<UUID> autoAwayNotSeenSince(Instant cutoff) {
        return jdbc.sql("SELECT agent_id FROM agent_presence WHERE status = 'AWAY' AND manual = FALSE AND last_seen_at < :c")
                .param("c", time(cutoff)).query(UUID.class).list();
    }

    /** Moves a status only if it still is {@code from}; false when someone else changed it first. */
    public boolean transition(UUID agentId, PresenceStatus from, PresenceStatus to, Instant now) {
        return jdbc.sql("UPDATE agent_presence SET status = :to, status_since = :now WHERE agent_id = :a AND status = :from")
                .param("to", to.name()).param("a", agentId).param("from", from.name())
                .param("now", time(now)).update() > 0;
    }

    /** Agents away since before {@code cutoff} whose conversations were not given back in this away period. */
    public List<UUID> awayUnreleasedSince(Instant cutoff) {
        return jdbc.sql("""
                SELECT agent_id FROM agent_presence WHERE status = 'AWAY' AND status_since < :c
                  AND (released_at IS NULL OR released_at < status_since)""")
                .param("c", time(cutoff)).query(UUID.class).list();
    }

    /** Marks this away period's conversations as given back; false when it was already (another node, a change). */
    public boolean markReleased(UUID agentId, Instant cutoff, Instant now) {
        return jdbc.sql("""
                UPDATE agent_presence SET released_at = :now WHERE agent_id = :a AND status = 'AWAY'
                  AND status_since < :c AND (released_at IS NULL OR released_at < status_since)""")
                .param("a", agentId).param("c", time(cutoff)).param("now", time(now)).update() > 0;
    }

    private static Row map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime assigned = rs.getObject("last_assigned_at", OffsetDateTime.class);
        return new Row(rs.getObject("agent_id", UUID.class), PresenceStatus.valueOf(rs.getString("status")),
                rs.getBoolean("manual"), rs.getObject("last_seen_at", OffsetDateTime.class).toInstant(),
                assigned == null ? null : assigned.toInstant());
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
