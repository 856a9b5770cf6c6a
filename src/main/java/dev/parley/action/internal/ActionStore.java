package dev.parley.action.internal;

import dev.parley.action.ActionDefinition;
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
import tools.jackson.databind.json.JsonMapper;

/** Action definitions (as their JSON) and connections (credentials sealed by the caller). */
@Repository
public class ActionStore {

    /** A connection as stored: {@code sealedSecret} is the encryption module's value. */
    public record StoredConnection(UUID id, String name, String kind, String headerName, String username,
            String sealedSecret, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ActionStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<ActionDefinition> all() {
        return jdbc.sql("SELECT definition FROM action_definition ORDER BY name").query(String.class).list().stream()
                .map(this::definition).toList();
    }

    public Optional<ActionDefinition> find(UUID id) {
        return jdbc.sql("SELECT definition FROM action_definition WHERE id = :id").param("id", id)
                .query(String.class).optional().map(this::definition);
    }

    public Optional<ActionDefinition> byName(String name) {
        return jdbc.sql("SELECT definition FROM action_definition WHERE name = :name").param("name", name)
                .query(String.class).optional().map(this::definition);
    }

    /** Inserts or replaces the definition with its id. */
    public void save(ActionDefinition definition, Instant now) {
        String body = json.writeValueAsString(definition);
        int updated = jdbc.sql("UPDATE action_definition SET name = :name, definition = :d, updated_at = :at WHERE id = :id")
                .param("id", definition.id()).param("name", definition.name()).param("d", body).param("at", ts(now))
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO action_definition (id, name, definition, created_at, updated_at)
                    VALUES (:id, :name, :d, :at, :at)""")
                    .param("id", definition.id()).param("name", definition.name()).param("d", body)
                    .param("at", ts(now)).update();
        }
    }

    public boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM action_definition WHERE id = :id").param("id", id).update() > 0;
    }

    public List<StoredConnection> connections() {
        return jdbc.sql("SELECT * FROM action_connection ORDER BY name").query(ActionStore::connection).list();
    }

    public Optional<StoredConnection> connection(String name) {
        return jdbc.sql("SELECT * FROM action_connection WHERE name = :name").param("name", name)
                .query(ActionStore::connection).optional();
    }

    public void insertConnection(StoredConnection c) {
        jdbc.sql("""
                INSERT INTO action_connection (id, name, kind, header_name, username, secret, created_at, updated_at)
                VALUES (:id, :name, :kind, :header, :username, :secret, :at, :at)""")
                .param("id", c.id()).param("name", c.name()).param("kind", c.kind()).param("header", c.headerName())
                .param("username", c.username()).param("secret", c.sealedSecret()).param("at", ts(c.createdAt()))
                .update();
    }

    public boolean deleteConnection(UUID id) {
        return jdbc.sql("DELETE FROM action_connection WHERE id = :id").param("id", id).update() > 0;
    }

    private ActionDefinition definition(String body) {
        return json.readValue(body, ActionDefinition.class);
    }

    private static StoredConnection connection(ResultSet rs, int row) throws SQLException {
        return new StoredConnection(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("kind"),
                rs.getString("header_name"), rs.getString("username"), rs.getString("secret"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
