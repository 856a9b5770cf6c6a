package dev.parley.identity.internal;

import static dev.parley.identity.internal.AgentRepository.time;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Password-reset tokens, by the SHA-256 hash of the token: the token itself is only ever in the agent's mail. */
@Repository
public class PasswordResetRepository {

    private final JdbcClient jdbc;

    public PasswordResetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String tokenHash, UUID agentId, Instant createdAt, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO password_reset (token_hash, agent_id, created_at, expires_at)
                VALUES (:hash, :agent, :created, :expires)""")
                .param("hash", tokenHash).param("agent", agentId).param("created", time(createdAt))
                .param("expires", time(expiresAt))
                .update();
    }

    /** The agent of a token that is unused and not expired at {@code now}. */
    public Optional<UUID> holder(String tokenHash, Instant now) {
        return jdbc.sql("""
                SELECT agent_id FROM password_reset
                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
                .param("hash", tokenHash).param("now", time(now))
                .query(UUID.class).optional();
    }

    /**
     * Uses the token up, if it still works: of two requests racing with the same link only one gets the agent. All
     * other links of that agent stop working too.
     */
    public Optional<UUID> consume(String tokenHash, Instant now) {
        Optional<UUID> agent = holder(tokenHash, now);
        if (agent.isEmpty()) {
            return agent;
        }
        int used = jdbc.sql("""
                UPDATE password_reset SET used_at = :now
                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
                .param("hash", tokenHash).param("now", time(now))
                .update();
        if (used != 1) {
            return Optional.empty();
        }
        jdbc.sql("UPDATE password_reset SET used_at = :now WHERE agent_id = :agent AND used_at IS NULL")
                .param("agent", agent.get()).param("now", time(now)).update();
        return agent;
    }

    /** Forgets links that expired before {@code cutoff}. */
    public int deleteExpired(Instant cutoff) {
        return jdbc.sql("DELETE FROM password_reset WHERE expires_at < :cutoff").param("cutoff", time(cutoff)).update();
    }
}
