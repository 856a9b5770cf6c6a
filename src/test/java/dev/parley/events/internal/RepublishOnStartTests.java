package dev.parley.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.cluster.NodeSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/**
 * Incomplete events are delivered again when a worker node starts, once across workers starting together (the
 * application's ShedLock table), and never by a web-only node.
 */
class RepublishOnStartTests {

    private final DataSource database = migrated();
    private final List<String> resubmittedBy = new CopyOnWriteArrayList<>();

    @Test
    void aWorkerRepublishesIncompleteEventsWhenItStarts() {
        start("worker-1", "worker");
        assertThat(resubmittedBy).containsExactly("worker-1");
    }

    @Test
    void aWebOnlyNodeLeavesThemToTheWorkers() {
        start("web-1", "web");
        assertThat(resubmittedBy).isEmpty();
    }

    @Test
    void workersStartingTogetherRepublishOnce() {
        start("worker-1", "web,worker");
        start("worker-2", "worker");
        assertThat(resubmittedBy).containsExactly("worker-1");
    }

    private void start(String name, String roles) {
        new ApplicationContextRunner()
                .withPropertyValues("parley.node.roles=" + roles)
                .withUserConfiguration(Properties.class)
                .withBean(LockProvider.class, () -> new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(new JdbcTemplate(database)).withTableName("shedlock").usingDbTime().build()))
                .withBean(IncompleteEventPublications.class, () -> new Recording(name))
                .withBean(Clock.class, Clock::systemUTC)
                .withBean(RepublishOnStart.class)
                .run(context -> context.getBean(RepublishOnStart.class).republishOnStart());
    }

    @EnableConfigurationProperties(NodeSettings.class)
    static class Properties {
    }

    /** Notes which node asked for a resubmission; Modulith's registry is covered by Modulith's own tests. */
    private final class Recording implements IncompleteEventPublications {

        private final String node;

        Recording(String node) {
            this.node = node;
        }

        @Override
        public void resubmitIncompletePublications(Predicate<EventPublication> filter) {
            resubmittedBy.add(node);
        }

        @Override
        public void resubmitIncompletePublicationsOlderThan(Duration duration) {
            resubmittedBy.add(node);
        }

        @Override
        public void resubmitIncompletePublications(ResubmissionOptions options) {
            resubmittedBy.add(node);
        }
    }

    private static DataSource migrated() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:outstanding-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/cluster").load().migrate();
        return dataSource;
    }
}
