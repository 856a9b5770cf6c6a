package dev.parley.identity.internal;

import dev.parley.identity.Agent;
import dev.parley.identity.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Agent rows and their team memberships. Emails are stored lower-case, so sign-in ignores case. */
@Repository
public class AgentRepository {

    private static final String COLUMNS = "id, name, email, role, active, max_concurrent, created_at";

    private final JdbcClient jdbc;

    public AgentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Agent agent, String passwordHash) {
        jdbc.sql("""
                INSERT INTO agent (id, email, name, password_hash, role, active, max_concurrent, created_at, updated_at)
                VALUES (:id, :email, :name, :hash, :role, :active, :max, :at, :at)""")
                .param("id", agent.id()).param("email", agent.email()).param("name", agent.name())
                .param("hash", passwordHash).param("role", agent.role().name()).param("active", agent.active())
                .param("max", agent.maxConcurrent()).param("at", time(agent.createdAt()))
                .update();
        replaceTeams(agent.id(), agent.teamIds());
    }

    public void update(Agent agent, Instant now) {
        jdbc.sql("""
                UPDATE agent SET name = :name, role = :role, active = :active, max_concurrent = :max, updated_at = :at
                WHERE id = :id""")
                .param("id", agent.id()).param("name", agent.name()).param("role", agent.role().name())
                .param("active", agent.active()).param("max", agent.maxConcurrent()).param("at", time(now))
                .update();
        replaceTeams(agent.id(), agent.teamIds());
    }

    public void updatePassword(UUID id, String passwordHash, Instant now) {
        jdbc.sql("UPDATE agent SET password_hash = :hash, updated_at = :at WHERE id = :id")
                .param("hash", passwordHash).param("at", time(now)).param("id", id).update();
    }

    public Optional<Agent> find(UUID id) {
        return withTeams(jdbc.sql("SELECT " + COLUMNS + " FROM agent WHERE id = :id").param("id", id)
                .query(this::map).list()).stream().findFirst();
    }

    public Optional<Agent> findByEmail(String email) {
        return withTeams(jdbc.sql("SELECT " + COLUMNS + " FROM agent WHERE email = :email").param("email", email)
                .query(this::map).list()).stream().findFirst();
    }

    public Optional<String> passwordHash(UUID id) {
        return jdbc.sql("SELECT password_hash FROM agent WHERE id = :id").param("id", id)
                .query(String.class).optional();
    }

    public List<Agent> all() {
        return withTeams(jdbc.sql("SELECT " + COLUMNS + " FROM agent ORDER BY LOWER(name), email").query(this::map).list());
    }

    public boolean activeAdminExists() {
        return jdbc.sql("SELECT COUNT(*) FROM agent WHERE role = 'ADMIN' AND active = TRUE")
                .query(Long.class).single() > 0;
    }

    private void replaceTeams(UUID agentId, List<UUID> teamIds) {
        jdbc.sql("DELETE FROM agent_team WHERE agent_id = :id").param("id", agentId).update();
        for (UUID teamId : teamIds) {
            jdbc.sql("INSERT INTO agent_team (agent_id, team_id) VALUES (:a, :t)")
                    .param("a", agentId).param("t", teamId).update();
        }
    }

    /**
     * The agents with their teams, read once the agents' rows are read: outside a transaction each query takes a
     * pooled connection of its own, so reading the teams while mapping the rows held one connection while waiting for
     * another, and a pool's worth of concurrent requests waited on each other until the pool timed out (issue 16).
     */
    private List<Agent> withTeams(List<Agent> agents) {
        if (agents.isEmpty()) {
            return agents;
        }
        Map<UUID, List<UUID>> teams = agents.size() == 1 ? teamsOf(agents.getFirst().id()) : allTeams();
        return agents.stream().map(a -> new Agent(a.id(), a.name(), a.email(), a.role(), a.active(),
                a.maxConcurrent(), teams.getOrDefault(a.id(), List.of()), a.createdAt())).toList();
    }

    private Map<UUID, List<UUID>> teamsOf(UUID agentId) {
        return teams(jdbc.sql("SELECT agent_id, team_id FROM agent_team WHERE agent_id = :id").param("id", agentId));
    }

    private Map<UUID, List<UUID>> allTeams() {
        return teams(jdbc.sql("SELECT agent_id, team_id FROM agent_team"));
    }

    private static Map<UUID, List<UUID>> teams(JdbcClient.StatementSpec query) {
        return query.query((rs, i) -> Map.entry(rs.getObject("agent_id", UUID.class), rs.getObject("team_id", UUID.class)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** An agent without its teams ({@link #withTeams} adds them). */
    private Agent map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        int max = rs.getInt("max_concurrent");
        Integer maxConcurrent = rs.wasNull() ? null : max;
        return new Agent(id, rs.getString("name"), rs.getString("email"), Role.valueOf(rs.getString("role")),
                rs.getBoolean("active"), maxConcurrent, List.of(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
