package dev.parley.identity.internal;

import static dev.parley.identity.internal.AgentRepository.time;
import static dev.parley.shared.CleanText.cut;

import dev.parley.encryption.EncryptedColumn;
import dev.parley.encryption.Encryption;
import dev.parley.identity.AuditEntry;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only audit log. The detail is free text that can hold a customer's words (a ticket's subject before and
 * after, an example question added from the learning queue), so it is stored sealed and opened when read (issue 17);
 * actor, action, target and address are staff data and ids, kept plain for the filter and the listing.
 */
@Repository
public class AuditRepository {

    static final String DETAIL_PURPOSE = "identity.audit.detail";

    private final JdbcClient jdbc;
    private final Encryption encryption;

    public AuditRepository(JdbcClient jdbc, Encryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    @Bean
    static EncryptedColumn auditDetailColumn() {
        return EncryptedColumn.of("audit_entry", "id", "detail", DETAIL_PURPOSE);
    }

    public void append(AuditEntry e) {
        jdbc.sql("""
                INSERT INTO audit_entry (occurred_at, actor_id, actor, action, target, detail, ip)
                VALUES (:at, :actorId, :actor, :action, :target, :detail, :ip)""")
                .param("at", time(e.at())).param("actorId", e.actorId()).param("actor", cut(e.actor(), 320))
                .param("action", e.action()).param("target", cut(e.target(), 200)).param("detail", encryption.encrypt(cut(e.detail(), 2000), DETAIL_PURPOSE))
                .param("ip", cut(e.ip(), 64)).update();
    }

    /** Newest first; {@code action} narrows to one kind when not blank. */
    public List<AuditEntry> page(String action, int offset, int limit) {
        String where = action == null || action.isBlank() ? "" : " WHERE action = :action";
        var spec = jdbc.sql("SELECT id, occurred_at, actor_id, actor, action, target, detail, ip FROM audit_entry"
                + where + " ORDER BY id DESC OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY");
        if (!where.isEmpty()) {
            spec = spec.param("action", action);
        }
        return spec.param("offset", offset).param("limit", limit)
                .query((rs, i) -> new AuditEntry(rs.getLong("id"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("actor_id", UUID.class), rs.getString("actor"), rs.getString("action"),
                        rs.getString("target"), encryption.decryptForList(rs.getString("detail"), DETAIL_PURPOSE),
                        rs.getString("ip")))
                .list();
    }

    public long count(String action) {
        if (action == null || action.isBlank()) {
            return jdbc.sql("SELECT COUNT(*) FROM audit_entry").query(Long.class).single();
        }
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a").param("a", action).query(Long.class).single();
    }

}
