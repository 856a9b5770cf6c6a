package dev.parley.conversation.internal;

import static dev.parley.conversation.internal.ConversationRepository.instant;
import static dev.parley.conversation.internal.ConversationRepository.toTimestamp;

import dev.parley.conversation.AssistantMode;
import dev.parley.conversation.Inbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Inbox rows. */
@Repository
public class InboxRepository {

    private final JdbcClient jdbc;

    public InboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Inbox> all() {
        return jdbc.sql("SELECT * FROM inbox ORDER BY created_at, name").query(InboxRepository::map).list();
    }

    public Optional<Inbox> find(UUID id) {
        return jdbc.sql("SELECT * FROM inbox WHERE id = :id").param("id", id).query(InboxRepository::map).optional();
    }

    public Optional<Inbox> byAddress(String channelType, String address) {
        return jdbc.sql("SELECT * FROM inbox WHERE channel_type = :type AND address = :address")
                .param("type", channelType).param("address", address).query(InboxRepository::map).optional();
    }

    public void insert(Inbox inbox) {
        jdbc.sql("""
                INSERT INTO inbox (id, channel_type, name, address, assistant_mode, enabled, created_at, updated_at)
                VALUES (:id, :type, :name, :address, :mode, :enabled, :at, :at)""")
                .param("id", inbox.id()).param("type", inbox.channelType()).param("name", inbox.name())
                .param("address", inbox.address()).param("mode", inbox.assistantMode().name())
                .param("enabled", inbox.enabled()).param("at", toTimestamp(inbox.createdAt())).update();
    }

    public void update(Inbox inbox, Instant now) {
        jdbc.sql("UPDATE inbox SET name = :name, assistant_mode = :mode, enabled = :enabled, updated_at = :at"
                        + " WHERE id = :id")
                .param("id", inbox.id()).param("name", inbox.name()).param("mode", inbox.assistantMode().name())
                .param("enabled", inbox.enabled()).param("at", toTimestamp(now)).update();
    }

    private static Inbox map(ResultSet rs, int row) throws SQLException {
        return new Inbox(rs.getObject("id", UUID.class), rs.getString("channel_type"), rs.getString("name"),
                rs.getString("address"), AssistantMode.valueOf(rs.getString("assistant_mode")),
                rs.getBoolean("enabled"), instant(rs, "created_at"));
    }
}
