package dev.parley.sla.internal;

import dev.parley.conversation.Priority;
import dev.parley.sla.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SLA targets per priority; a priority without a row has no targets. */
@Repository
public class SlaPolicyRepository {

    private final JdbcClient jdbc;

    public SlaPolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Priority, SlaPolicy> all() {
        Map<Priority, SlaPolicy> policies = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            policies.put(priority, new SlaPolicy(priority, null, null));
        }
        jdbc.sql("SELECT priority, first_response_minutes, resolution_minutes FROM sla_policy")
                .query((rs, n) -> {
                    Priority priority = Priority.valueOf(rs.getString("priority"));
                    policies.put(priority, new SlaPolicy(priority, minutes(rs.getObject("first_response_minutes")),
                            minutes(rs.getObject("resolution_minutes"))));
                    return priority;
                }).list();
        return policies;
    }

    public void save(SlaPolicy policy, Instant now) {
        jdbc.sql("DELETE FROM sla_policy WHERE priority = :p").param("p", policy.priority().name()).update();
        jdbc.sql("""
                INSERT INTO sla_policy (priority, first_response_minutes, resolution_minutes, updated_at)
                VALUES (:p, :f, :r, :t)""")
                .param("p", policy.priority().name())
                .param("f", policy.firstResponse() == null ? null : (int) policy.firstResponse().toMinutes())
                .param("r", policy.resolution() == null ? null : (int) policy.resolution().toMinutes())
                .param("t", now.atOffset(ZoneOffset.UTC)).update();
    }

    private static Duration minutes(Object value) {
        return value == null ? null : Duration.ofMinutes(((Number) value).longValue());
    }
}
