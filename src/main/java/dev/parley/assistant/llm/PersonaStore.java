package dev.parley.assistant.llm;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The single-row {@code assistant_persona} table; lists are stored one entry per line. */
@Component
class PersonaStore {

    private final JdbcClient jdbc;

    PersonaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(LlmSettings.Persona persona, Instant updatedAt, String updatedBy) {
    }

    Optional<Stored> find() {
        return jdbc.sql("""
                        SELECT company_name, tone, guidelines, forbidden_topics, updated_at, updated_by
                        FROM assistant_persona WHERE id = 1""")
                .query((rs, row) -> new Stored(
                        new LlmSettings.Persona(rs.getString("company_name"), rs.getString("tone"),
                                split(rs.getString("guidelines")), split(rs.getString("forbidden_topics"))),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by")))
                .optional();
    }

    @Transactional
    void save(LlmSettings.Persona persona, Instant at, String by) {
        // insert the row if it is missing (portable on H2 and PostgreSQL), then overwrite it
        jdbc.sql("""
                        INSERT INTO assistant_persona
                            (id, company_name, tone, guidelines, forbidden_topics, updated_at, updated_by)
                        VALUES (1, '', '', '', '', :at, :by) ON CONFLICT DO NOTHING""")
                .param("at", at.atOffset(ZoneOffset.UTC)).param("by", by).update();
        jdbc.sql("""
                        UPDATE assistant_persona SET company_name = :name, tone = :tone, guidelines = :guidelines,
                            forbidden_topics = :topics, updated_at = :at, updated_by = :by
                        WHERE id = 1""")
                .param("name", persona.companyName()).param("tone", persona.tone())
                .param("guidelines", String.join("\n", persona.guidelines()))
                .param("topics", String.join("\n", persona.forbiddenTopics()))
                .param("at", at.atOffset(ZoneOffset.UTC)).param("by", by).update();
    }

    void delete() {
        jdbc.sql("DELETE FROM assistant_persona WHERE id = 1").update();
    }

    private static List<String> split(String lines) {
        return lines.isEmpty() ? List.of() : Arrays.asList(lines.split("\n", -1));
    }
}
