package dev.parley.identity.internal;

import dev.parley.identity.Team;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Team rows. */
@Repository
public class TeamRepository {

    private final JdbcClient jdbc;

    public TeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Team team, Instant now) {
        jdbc.sql("INSERT INTO team (id, name, created_at) VALUES (:id, :name, :at)")
                .param("id", team.id()).param("name", team.name()).param("at", AgentRepository.time(now)).update();
    }

    public Optional<Team> find(UUID id) {
        return jdbc.sql("SELECT id, name FROM team WHERE id = :id").param("id", id)
                .query((rs, i) -> new Team(rs.getObject("id", UUID.class), rs.getString("name"))).optional();
    }

    public Optional<Team> findByName(String name) {
        return jdbc.sql("SELECT id, name FROM team WHERE LOWER(name) = LOWER(:name)").param("name", name)
                .query((rs, i) -> new Team(rs.getObject("id", UUID.class), rs.getString("name"))).optional();
    }

    public List<Team> all() {
        return jdbc.sql("SELECT id, name FROM team ORDER BY LOWER(name)")
                .query((rs, i) -> new Team(rs.getObject("id", UUID.class), rs.getString("name"))).list();
    }
}
