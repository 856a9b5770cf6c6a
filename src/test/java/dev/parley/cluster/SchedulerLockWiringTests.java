package dev.parley.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The application's lock configuration around a bean shaped like Parley's jobs (a package-private class and
 * method): while another node holds the job's lock the call is skipped; once it is free the job runs and holds
 * the lock for its minimum, read from the same setting as its schedule.
 */
class SchedulerLockWiringTests {

    private final DataSource database = migrated();
    private final ApplicationContextRunner node = new ApplicationContextRunner()
            .withPropertyValues("test.interval=2s")
            .withBean(DataSource.class, () -> database)
            .withUserConfiguration(ClusterLockConfiguration.class)
            .withBean(SweepJob.class);

    @Test
    void skipsAJobAnotherNodeIsRunning() {
        var otherNode = ClusterLockConfiguration.lockProviderOn(database);
        var held = otherNode.lock(new LockConfiguration(Instant.now(), "test.sweep", Duration.ofMinutes(1),
                Duration.ZERO)).orElseThrow();

        node.run(context -> {
            SweepJob job = context.getBean(SweepJob.class);
            job.sweep();
            assertThat(job.runs()).as("skipped while the other node holds the lock").isZero();

            held.unlock();
            job.sweep();
            assertThat(job.runs()).isEqualTo(1);
        });
    }

    @Test
    void holdsTheLockForItsMinimumSoOtherNodesSkipTheirTurn() {
        node.run(context -> context.getBean(SweepJob.class).sweep());

        var otherNode = ClusterLockConfiguration.lockProviderOn(database);
        assertThat(otherNode.lock(new LockConfiguration(Instant.now(), "test.sweep", Duration.ofMinutes(1),
                Duration.ZERO))).as("lockAtLeastFor from ${test.interval}").isEmpty();
    }

    static class SweepJob {

        private final AtomicInteger runs = new AtomicInteger();

        @SchedulerLock(name = "test.sweep", lockAtMostFor = "PT1M", lockAtLeastFor = "${test.interval}")
        void sweep() {
            runs.incrementAndGet();
        }

        int runs() {
            return runs.get();
        }
    }

    private static DataSource migrated() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:wiring-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/cluster").load().migrate();
        return dataSource;
    }
}
