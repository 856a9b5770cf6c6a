package dev.parley.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.identity.Agent;
import dev.parley.identity.Role;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Agents are read with their teams without ever holding one pooled connection while asking for another: on a pool
 * of one connection every read still answers. Reading the teams while mapping the agent's row did, and under load
 * (every API request reads its agent) a pool's worth of requests each held one connection and waited for a second
 * until the pool timed out: 30-second stalls and 503s (issue 16).
 */
class AgentRepositoryTests {

    private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

    private final HikariDataSource pool = onePooledConnection();
    private final JdbcClient jdbc = JdbcClient.create(pool);
    private final AgentRepository agents = new AgentRepository(jdbc);

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void agentsAreReadWithTheirTeamsFromAPoolOfOneConnection() {
        UUID support = team("Support");
        UUID billing = team("Billing");
        Agent ada = new Agent(UUID.randomUUID(), "Ada", "ada@example.com", Role.AGENT, true, 3,
                List.of(support, billing), NOW);
        Agent bo = new Agent(UUID.randomUUID(), "Bo", "bo@example.com", Role.ADMIN, true, null, List.of(billing), NOW);
        Agent cy = new Agent(UUID.randomUUID(), "Cy", "cy@example.com", Role.AGENT, false, null, List.of(), NOW);
        agents.insert(ada, "hash");
        agents.insert(bo, "hash");
        agents.insert(cy, "hash");

        assertThat(agents.find(ada.id())).hasValueSatisfying(a -> {
            assertThat(a.teamIds()).containsExactlyInAnyOrder(support, billing);
            assertThat(a.maxConcurrent()).isEqualTo(3);
        });
        assertThat(agents.findByEmail("bo@example.com")).hasValueSatisfying(a ->
                assertThat(a.teamIds()).containsExactly(billing));
        assertThat(agents.all()).extracting(Agent::name, a -> a.teamIds().size())
                .containsExactly(tuple("Ada", 2), tuple("Bo", 1), tuple("Cy", 0));
        assertThat(agents.find(UUID.randomUUID())).isEmpty();
        assertThat(agents.findByEmail("nobody@example.com")).isEmpty();
    }

    private UUID team(String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO team (id, name, created_at) VALUES (:id, :name, :at)")
                .param("id", id).param("name", name).param("at", NOW.atOffset(ZoneOffset.UTC)).update();
        return id;
    }

    private static HikariDataSource onePooledConnection() {
        String url = "jdbc:h2:mem:agents-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        Flyway.configure().dataSource(new DriverManagerDataSource(url, "sa", ""))
                .locations("classpath:db/migration/identity").load().migrate();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(500); // a second connection asked for while one is held never comes
        return new HikariDataSource(config);
    }
}
