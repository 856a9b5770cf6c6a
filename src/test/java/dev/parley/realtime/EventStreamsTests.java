package dev.parley.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.realtime.internal.ClientCloseWatch;
import dev.parley.realtime.internal.LocalDispatcher;
import dev.parley.realtime.internal.LocalRealtimeBus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventStreamsTests {

    private ClientCloseWatch closeWatch;

    @org.junit.jupiter.api.BeforeEach
    void watch() throws Exception {
        closeWatch = new ClientCloseWatch();
    }

    @org.junit.jupiter.api.AfterEach
    void stopWatching() throws Exception {
        closeWatch.destroy(); // its thread ends with it
    }

    @Test
    void manyStreamsOpeningTogetherReadTheirBacklogsAFewAtATimeAndEveryOneGetsRead() throws Exception {
        EventStreams streams = new EventStreams(new LocalRealtimeBus(new LocalDispatcher()), closeWatch);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger reading = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger read = new AtomicInteger();
        List<EventStream> opened = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            opened.add(streams.open("conversation:" + i, 0, () -> {
                mostAtOnce.accumulateAndGet(reading.incrementAndGet(), Math::max);
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                reading.decrementAndGet();
                read.incrementAndGet();
                return List.of();
            }));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> reading.get() == EventStreams.CONCURRENT_BACKLOG_LOADS);
        Thread.sleep(200); // time for any more to start, if the bound did not hold
        assertThat(mostAtOnce.get()).as("backlogs read at once").isEqualTo(EventStreams.CONCURRENT_BACKLOG_LOADS);

        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> read.get() == 12);
        opened.forEach(EventStream::close);
    }

    @Test
    void heartbeatsAreSpreadOverTheIntervalSoEachRoundWritesToFewStreamsAndEveryStreamGetsOneAnInterval()
            throws Exception {
        EventStreams streams = new EventStreams(new LocalRealtimeBus(new LocalDispatcher()), closeWatch);
        int perRound = 3;
        List<AtomicInteger> beats = new ArrayList<>();
        List<EventStream> opened = new ArrayList<>();
        for (int i = 0; i < perRound * EventStreams.HEARTBEAT_ROUNDS; i++) { // opened together, as after a restart
            AtomicInteger count = new AtomicInteger();
            beats.add(count);
            opened.add(streams.open("conversation:" + i, 0, List::of).onHeartbeat(count::incrementAndGet));
        }
        AtomicInteger total = new AtomicInteger();
        for (int round = 1; round <= EventStreams.HEARTBEAT_ROUNDS; round++) {
            streams.heartbeat();
            int expected = round * perRound;
            await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                    .until(() -> beats.stream().mapToInt(AtomicInteger::get).sum() >= expected);
            total.set(beats.stream().mapToInt(AtomicInteger::get).sum());
            assertThat(total.get()).as("heartbeats after round %d", round).isEqualTo(expected);
        }
        assertThat(beats).as("each stream's heartbeats in one interval").allMatch(count -> count.get() == 1);

        streams.heartbeat(); // the next interval starts over
        await().atMost(Duration.ofSeconds(10))
                .until(() -> beats.stream().mapToInt(AtomicInteger::get).sum() == total.get() + perRound);
        opened.forEach(EventStream::close);
    }
}
