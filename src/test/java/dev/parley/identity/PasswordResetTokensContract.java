package dev.parley.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.identity.internal.PasswordResetRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Password-reset tokens on H2 and on PostgreSQL with the same identity migrations. */
abstract class PasswordResetTokensContract {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private final JdbcClient jdbc = JdbcClient.create(migratedDataSource());
    private final PasswordResetRepository resets = new PasswordResetRepository(jdbc);

    /** A fresh database with the identity migrations applied. */
    protected abstract DataSource migratedDataSource();

    @Test
    void aTokenWorksOnceUntilItExpiresAndUsingItEndsTheAgentsOtherTokens() {
        UUID agent = agent();
        resets.insert("a".repeat(64), agent, NOW, NOW.plus(Duration.ofMinutes(30)));
        resets.insert("b".repeat(64), agent, NOW, NOW.plus(Duration.ofMinutes(30)));

        assertThat(resets.holder("a".repeat(64), NOW.plusSeconds(60))).contains(agent);
        assertThat(resets.holder("a".repeat(64), NOW.plus(Duration.ofMinutes(30)))).isEmpty();
        assertThat(resets.consume("a".repeat(64), NOW.plusSeconds(60))).contains(agent);
        assertThat(resets.consume("a".repeat(64), NOW.plusSeconds(61))).isEmpty();
        assertThat(resets.holder("b".repeat(64), NOW.plusSeconds(61))).isEmpty();
        assertThat(resets.holder("c".repeat(64), NOW)).isEmpty();
    }

    @Test
    void expiredTokensAreForgotten() {
        UUID agent = agent();
        resets.insert("d".repeat(64), agent, NOW, NOW.plusSeconds(60));
        assertThat(resets.deleteExpired(NOW.plusSeconds(120))).isEqualTo(1);
    }

    private UUID agent() {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO agent (id, email, name, password_hash, role, active, created_at, updated_at) "
                        + "VALUES (:id, :email, 'Agent', 'x', 'AGENT', TRUE, :at, :at)")
                .param("id", id).param("email", id + "@test.local").param("at", NOW.atOffset(ZoneOffset.UTC)).update();
        return id;
    }
}
