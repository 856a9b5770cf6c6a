package dev.parley.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * Scheduled jobs do not wait for each other: one that blocks (a mail server that never answers, a long sweep) leaves
 * the others running (a hung mailbox with a widget beside it: {@code SilentMailServerTests}).
 */
@SpringBootTest
class ScheduledJobThreadsTests {

    @Autowired
    TaskScheduler scheduler;
    @Autowired
    List<ScheduledTaskHolder> scheduledTasks;

    @Test
    void aJobThatBlocksHoldsUpNoOtherJob() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        ScheduledFuture<?> blocked = scheduler.scheduleWithFixedDelay(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Duration.ofMillis(10));
        ScheduledFuture<?> other = scheduler.scheduleWithFixedDelay(runs::incrementAndGet, Duration.ofMillis(10));
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 5);
        } finally {
            release.countDown();
            blocked.cancel(false);
            other.cancel(false);
        }
    }

    @Test
    void everyScheduledJobCanHaveAThreadOfItsOwn() {
        int jobs = scheduledTasks.stream().mapToInt(holder -> holder.getScheduledTasks().size()).sum();
        assertThat(jobs).isPositive().isLessThan(ScheduledJobThreads.JOB_THREADS);
    }
}
