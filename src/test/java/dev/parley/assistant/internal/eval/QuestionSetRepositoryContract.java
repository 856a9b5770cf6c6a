package dev.parley.assistant.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the test bench's storage must do on every supported database; subclasses pick the database. */
abstract class QuestionSetRepositoryContract {

    private QuestionSetRepository repository;

    protected abstract DataSource migratedDataSource();

    @BeforeEach
    void setUp() {
        DataSource dataSource = migratedDataSource();
        repository = new QuestionSetRepository(JdbcClient.create(dataSource), new NamedParameterJdbcTemplate(dataSource));
    }

    @Test
    void savesASetWithItsLabelsAndRemembersTheLatestRun() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<BenchQuestion> questions = List.of(new BenchQuestion("Where is my order?", "track-your-order", true),
                new BenchQuestion("Do you sell cars?", null, true), new BenchQuestion("Hello there", null, false));
        repository.insert("set-1", "Orders", questions, now);
        assertThat(repository.questions("set-1")).containsExactlyElementsOf(questions);
        assertThat(repository.lastRight("set-1")).containsExactly(null, null, null);

        BenchReport report = new BenchReport(List.of(
                new BenchReport.Row("Where is my order?", "track-your-order", true, "track-your-order", "Track", 0.91,
                        false, null, "Answer", true),
                new BenchReport.Row("Do you sell cars?", null, true, "gift-cards", "Gift cards", 0.2, true,
                        "LOW_CONFIDENCE", "Handing over", true),
                new BenchReport.Row("Hello there", null, false, null, null, 0, true, "LOW_CONFIDENCE", null, null)),
                new BenchReport.Summary(2, 1, 1, 1.0, 1.0, 1.0, 1.0, 0.95, 0.5, 1.0, true), List.of(), List.of(), 7, 0.7,
                now);
        repository.recordRun("set-1", report);

        assertThat(repository.lastRight("set-1")).containsExactly(true, true, null);
        assertThat(repository.all()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Orders");
            assertThat(s.size()).isEqualTo(3);
            assertThat(s.lastVersion()).isEqualTo(7L);
            assertThat(s.lastTop1()).isEqualTo(1.0);
            assertThat(s.lastRunAt()).isEqualTo(now);
        });
        assertThat(repository.delete("set-1")).isTrue();
        assertThat(repository.questions("set-1")).isEmpty();
    }
}
