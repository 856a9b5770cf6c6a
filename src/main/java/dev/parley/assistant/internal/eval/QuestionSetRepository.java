package dev.parley.assistant.internal.eval;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Saved test-bench question sets and their latest results, in plain SQL for H2 and PostgreSQL. */
@Repository
class QuestionSetRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    QuestionSetRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void insert(String id, String name, List<BenchQuestion> questions, Instant at) {
        jdbc.sql("INSERT INTO assistant_question_set (id, name, created_at) VALUES (:id, :name, :at)")
                .param("id", id).param("name", name).param("at", at.atOffset(ZoneOffset.UTC)).update();
        SqlParameterSource[] rows = new SqlParameterSource[questions.size()];
        for (int i = 0; i < questions.size(); i++) {
            BenchQuestion q = questions.get(i);
            rows[i] = new MapSqlParameterSource("id", id).addValue("pos", i).addValue("question", q.question())
                    .addValue("expected", q.expected()).addValue("labelled", q.labelled());
        }
        batch.batchUpdate("""
                INSERT INTO assistant_question_set_item (set_id, position, question, expected, labelled)
                VALUES (:id, :pos, :question, :expected, :labelled)""", rows);
    }

    List<SavedQuestionSet> all() {
        return jdbc.sql("""
                SELECT s.id, s.name, s.created_at, s.last_run_at, s.last_version, s.last_top1, s.last_precision,
                    s.last_deflection, (SELECT COUNT(*) FROM assistant_question_set_item i WHERE i.set_id = s.id) AS size
                FROM assistant_question_set s ORDER BY s.created_at DESC, s.id""")
                .query((rs, n) -> new SavedQuestionSet(rs.getString("id"), rs.getString("name"), rs.getInt("size"),
                        instant(rs.getTimestamp("last_run_at")), (Long) rs.getObject("last_version", Long.class),
                        (Double) rs.getObject("last_top1", Double.class), (Double) rs.getObject("last_precision", Double.class),
                        (Double) rs.getObject("last_deflection", Double.class)))
                .list();
    }

    Optional<String> name(String id) {
        return jdbc.sql("SELECT name FROM assistant_question_set WHERE id = :id").param("id", id)
                .query(String.class).optional();
    }

    List<BenchQuestion> questions(String id) {
        return jdbc.sql("SELECT question, expected, labelled FROM assistant_question_set_item WHERE set_id = :id ORDER BY position")
                .param("id", id)
                .query((rs, n) -> new BenchQuestion(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
    }

    /** Whether each question was right in the latest run (null when not labelled or never run), by position. */
    List<Boolean> lastRight(String id) {
        return jdbc.sql("SELECT last_right FROM assistant_question_set_item WHERE set_id = :id ORDER BY position")
                .param("id", id).query((rs, n) -> (Boolean) rs.getObject(1, Boolean.class)).list();
    }

    void recordRun(String id, BenchReport report) {
        BenchReport.Summary s = report.summary();
        jdbc.sql("""
                UPDATE assistant_question_set SET last_run_at = :at, last_version = :version, last_top1 = :top1,
                    last_precision = :precision, last_deflection = :deflection WHERE id = :id""")
                .param("at", report.ranAt().atOffset(ZoneOffset.UTC)).param("version", report.knowledgeVersion())
                .param("top1", s == null ? null : s.top1()).param("precision", s == null ? null : s.precision())
                .param("deflection", s == null ? null : s.deflection()).param("id", id).update();
        SqlParameterSource[] rows = new SqlParameterSource[report.rows().size()];
        for (int i = 0; i < rows.length; i++) {
            BenchReport.Row r = report.rows().get(i);
            rows[i] = new MapSqlParameterSource("id", id).addValue("pos", i).addValue("best", r.articleId())
                    .addValue("confidence", r.confidence()).addValue("answered", !r.escalates())
                    .addValue("right", r.right());
        }
        batch.batchUpdate("""
                UPDATE assistant_question_set_item SET last_best = :best, last_confidence = :confidence,
                    last_answered = :answered, last_right = :right WHERE set_id = :id AND position = :pos""", rows);
    }

    boolean delete(String id) {
        return jdbc.sql("DELETE FROM assistant_question_set WHERE id = :id").param("id", id).update() > 0;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
