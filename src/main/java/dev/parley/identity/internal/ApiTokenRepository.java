package dev.parley.identity.internal;

import static dev.parley.identity.internal.AgentRepository.time;

import dev.parley.identity.ApiToken;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Personal API tokens; only their SHA-256 hash is stored. */
@Repository
public class ApiTokenRepository {

    private final JdbcClient jdbc;

    public ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ApiToken token, String hash) {
        jdbc.sql("INSERT INTO api_token (id, agent_id, name, token_hash, created_at) VALUES (:id, :agent, :name, :hash, :at)")
                .param("id", token.id()).param("agent", token.agentId()).param("name", token.name())
                .param("hash", hash).param("at", time(token.createdAt())).update();
    }

    public Optional<UUID> agentByHash(String hash) {
        return jdbc.sql("SELECT agent_id FROM api_token WHERE token_hash = :hash").param("hash", hash)
                .query(UUID.class).optional();
    }

    public void touch(String hash, Instant now) {
        jdbc.sql("UPDATE api_token SET last_used_at = :at WHERE token_hash = :hash")
                .param("at", time(now)).param("hash", hash).update();
    }

    public List<ApiToken> ofAgent(UUID agentId) {
        return jdbc.sql("SELECT id, agent_id, name, created_at, last_used_at FROM api_token WHERE agent_id = :a ORDER BY created_at")
                .param("a", agentId)
                .query((rs, i) -> {
                    OffsetDateTime used = rs.getObject("last_used_at", OffsetDateTime.class);
                    return new ApiToken(rs.getObject("id", UUID.class), rs.getObject("agent_id", UUID.class),
                            rs.getString("name"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            used == null ? null : used.toInstant());
                }).list();
    }

    public boolean delete(UUID agentId, UUID tokenId) {
        return jdbc.sql("DELETE FROM api_token WHERE id = :id AND agent_id = :a")
                .param("id", tokenId).param("a", agentId).update() > 0;
    }

    public int deleteAll(UUID agentId) {
        return jdbc.sql("DELETE FROM api_token WHERE agent_id = :a").param("a", agentId).update();
    }
}
