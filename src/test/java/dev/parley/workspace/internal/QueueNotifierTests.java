package dev.parley.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.RealtimeEvent;
import dev.parley.workspace.QueueStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Customers hear of every assignment at once; the whole queue's new positions are broadcast once per burst. */
class QueueNotifierTests {

    private final List<RealtimeEvent> published = new CopyOnWriteArrayList<>();
    private final RealtimeBus bus = new RealtimeBus() {
        @Override
        public void publish(RealtimeEvent event) {
            published.add(event);
        }

        @Override
        public AutoCloseable subscribe(String topic, Consumer<RealtimeEvent> listener) {
            return () -> { };
        }
    };
    private final QueueEstimates estimates = mock(QueueEstimates.class);
    private final QueueNotifier notifier = new QueueNotifier(bus, estimates);

    @AfterEach
    void stop() {
        notifier.stop();
    }

    @Test
    void aBurstOfQueueChangesReadsAndBroadcastsTheQueueOnceNotOncePerChange() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Map<UUID, QueueStatus> waiting = new LinkedHashMap<>();
        waiting.put(first, new QueueStatus(1, 300, 1));
        waiting.put(second, new QueueStatus(2, 300, 1));
        when(estimates.all()).thenReturn(waiting);

        for (int i = 0; i < 200; i++) {
            notifier.queueMoved(List.of());
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> queueEvents(RealtimeEvent.AGENTS) >= 1);
        assertThat(queueEvents(RealtimeEvent.conversationTopic(first))).isBetween(1L, 10L);
        assertThat(queueEvents(RealtimeEvent.conversationTopic(second))).isBetween(1L, 10L);
        verify(estimates, atMost(10)).all();
        RealtimeEvent toSecond = published.stream()
                .filter(e -> e.topic().equals(RealtimeEvent.conversationTopic(second))).findFirst().orElseThrow();
        assertThat(toSecond.data()).containsEntry("position", 2).containsEntry("estimatedWaitSeconds", 300L);
    }

    @Test
    void everyAssignmentIsToldAtOnceAndAChangeAfterABroadcastIsBroadcastAgain() {
        when(estimates.all()).thenReturn(Map.of());
        UUID assigned = UUID.randomUUID();
        notifier.queueMoved(List.of(new Assigner.Assignment(assigned, UUID.randomUUID(), "Ada")));
        assertThat(published).anyMatch(e -> e.type().equals("assigned")
                && e.topic().equals(RealtimeEvent.conversationTopic(assigned)));

        await().atMost(Duration.ofSeconds(10)).until(() -> queueEvents(RealtimeEvent.AGENTS) == 1);
        notifier.queueMoved(List.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> queueEvents(RealtimeEvent.AGENTS) == 2);
    }

    private long queueEvents(String topic) {
        return published.stream().filter(e -> e.type().equals("queue") && e.topic().equals(topic)).count();
    }
}
