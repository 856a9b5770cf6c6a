package dev.parley.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;

/**
 * Two nodes, each with its own lock provider and its own connections, on one database: a cluster-wide job never
 * runs on both at once. Runs on H2 and on PostgreSQL with the same migration.
 */
abstract class ClusterLockContract {

    private final Supplier<DataSource> database = migratedDatabase();
    private final LockProvider nodeA = ClusterLockConfiguration.lockProviderOn(database.get());
    private final LockProvider nodeB = ClusterLockConfiguration.lockProviderOn(database.get());

    /** A fresh database with the cluster migration applied; each call opens a new, independent data source. */
    protected abstract Supplier<DataSource> migratedDatabase();

    @Test
    void twoNodesNeverRunTheSameJobAtOnce() throws Exception {
        var running = new AtomicInteger();
        var mostAtOnce = new AtomicInteger();
        var runsOnA = new AtomicInteger();
        var runsOnB = new AtomicInteger();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            workers.add(threads.submit(() -> hammer(nodeA, running, mostAtOnce, runsOnA, until)));
            workers.add(threads.submit(() -> hammer(nodeB, running, mostAtOnce, runsOnB, until)));
        }
        for (Future<?> worker : workers) {
            worker.get(30, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(mostAtOnce).hasValue(1);
        assertThat(runsOnA.get()).as("runs on node A").isPositive();
        assertThat(runsOnB.get()).as("runs on node B").isPositive();
    }

    @Test
    void aJobJustRunOnOneNodeIsSkippedOnTheOtherUntilItsMinimumHasPassed() throws Exception {
        var runs = new AtomicInteger();
        Duration atLeast = Duration.ofMillis(800);

        new DefaultLockingTaskExecutor(nodeA).executeWithLock((Runnable) runs::incrementAndGet, job("sweep", atLeast));
        new DefaultLockingTaskExecutor(nodeB).executeWithLock((Runnable) runs::incrementAndGet, job("sweep", atLeast));
        assertThat(runs).as("node B skipped while node A's minimum holds").hasValue(1);

        Thread.sleep(atLeast.toMillis() + 300);
        new DefaultLockingTaskExecutor(nodeB).executeWithLock((Runnable) runs::incrementAndGet, job("sweep", atLeast));
        assertThat(runs).hasValue(2);
    }

    @Test
    void aLockLeftByADeadNodeFreesItselfAfterLockAtMostFor() throws Exception {
        var atMost = Duration.ofMillis(800);
        var held = nodeA.lock(new LockConfiguration(Instant.now(), "retention", atMost, Duration.ZERO));
        assertThat(held).isPresent();
        // node A is killed here: it never unlocks

        assertThat(nodeB.lock(new LockConfiguration(Instant.now(), "retention", atMost, Duration.ZERO))).isEmpty();
        Thread.sleep(atMost.toMillis() + 300);
        var taken = nodeB.lock(new LockConfiguration(Instant.now(), "retention", atMost, Duration.ZERO));
        assertThat(taken).isPresent();
        taken.ifPresent(SimpleLock::unlock);
    }

    @Test
    void differentJobsDoNotWaitForEachOther() {
        var first = nodeA.lock(job("presence-sweep", Duration.ZERO));
        var second = nodeB.lock(job("help-view-cleanup", Duration.ZERO));

        assertThat(first).isPresent();
        assertThat(second).isPresent();
        first.ifPresent(SimpleLock::unlock);
        second.ifPresent(SimpleLock::unlock);
    }

    private static void hammer(LockProvider node, AtomicInteger running, AtomicInteger mostAtOnce,
            AtomicInteger runs, long until) {
        LockingTaskExecutor executor = new DefaultLockingTaskExecutor(node);
        while (System.nanoTime() < until) {
            executor.executeWithLock((Runnable) () -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                runs.incrementAndGet();
                sleep(3);
                running.decrementAndGet();
            }, job("nightly", Duration.ZERO));
            sleep(1);
        }
    }

    private static LockConfiguration job(String name, Duration atLeast) {
        return new LockConfiguration(Instant.now(), name, Duration.ofMinutes(1), atLeast);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
