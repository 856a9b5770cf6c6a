package dev.parley.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SerialSenderTests {

    private final SerialSender sender = new SerialSender();

    @Test
    void runsTasksOneAtATimeInTheOrderTheyCame() throws Exception {
        List<Integer> ran = new CopyOnWriteArrayList<>();
        List<Integer> atOnce = new CopyOnWriteArrayList<>();
        int[] running = new int[1];
        IntStream.range(0, 2_000).forEach(i -> sender.execute(() -> {
            atOnce.add(++running[0]);
            ran.add(i);
            running[0]--;
        }));

        sender.submit(() -> { }).get(10, TimeUnit.SECONDS);

        assertThat(ran).containsExactlyElementsOf(IntStream.range(0, 2_000).boxed().toList());
        assertThat(atOnce).containsOnly(1);
    }

    @Test
    void runsACheckOnTheCallingThreadOnlyWhileNothingIsBeingSent() throws Exception {
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        sender.execute(() -> {
            sending.countDown();
            await(release);
        });
        sending.await(10, TimeUnit.SECONDS);

        assertThat(sender.runIfIdle(() -> { })).as("ran while a send was in progress").isFalse();

        release.countDown();
        sender.submit(() -> { }).get(10, TimeUnit.SECONDS);
        Thread[] ranOn = new Thread[1];
        assertThat(sender.runIfIdle(() -> ranOn[0] = Thread.currentThread())).isTrue();
        assertThat(ranOn[0]).isSameAs(Thread.currentThread());
    }

    @Test
    void takesNoTasksOnceShutDownButFinishesThoseQueued() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch queuedRan = new CountDownLatch(1);
        sender.execute(() -> await(release));
        sender.execute(queuedRan::countDown);

        sender.shutdown();
        release.countDown();

        assertThat(queuedRan.await(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> sender.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
