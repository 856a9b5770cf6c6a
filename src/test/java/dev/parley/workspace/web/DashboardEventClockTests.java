package dev.parley.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.realtime.RealtimeEvent;
import dev.parley.realtime.internal.LocalDispatcher;
import dev.parley.realtime.internal.LocalRealtimeBus;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DashboardEventClockTests {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LocalRealtimeBus bus = new LocalRealtimeBus(new LocalDispatcher());
    private final DashboardEventClock clock = new DashboardEventClock(bus, now::get);

    @Test
    void aPageRenderedWellAfterTheLastEventMissedNothing() {
        clock.afterSingletonsInstantiated();
        bus.publish(new RealtimeEvent(RealtimeEvent.AGENTS, "escalated", 0, Map.of()));
        now.addAndGet(DashboardEventClock.MARGIN_MILLIS + 1);

        assertThat(clock.heardSince(now.get())).isFalse();
    }

    @Test
    void aPageRenderedBeforeAnEventOnTheAgentsTopicMayHaveMissedIt() {
        clock.afterSingletonsInstantiated();
        now.addAndGet(5_000);
        long renderedAt = now.get();
        now.addAndGet(300);
        bus.publish(new RealtimeEvent(RealtimeEvent.conversationTopic(java.util.UUID.randomUUID()), "message", 1,
                Map.of()));
        assertThat(clock.heardSince(renderedAt)).as("another topic's event").isFalse();

        bus.publish(new RealtimeEvent(RealtimeEvent.AGENTS, "escalated", 0, Map.of()));

        assertThat(clock.heardSince(renderedAt)).isTrue();
    }

    @Test
    void aPageRenderedJustBeforeAnEventByAClockALittleAheadMayHaveMissedIt() {
        clock.afterSingletonsInstantiated();
        now.addAndGet(5_000);
        bus.publish(new RealtimeEvent(RealtimeEvent.AGENTS, "conversation", 0, Map.of()));

        assertThat(clock.heardSince(now.get() + DashboardEventClock.MARGIN_MILLIS - 1)).isTrue();
    }

    @Test
    void aPageRenderedJustBeforeThisNodeStartedMayHaveMissedAnything() {
        assertThat(clock.heardSince(now.get() - 10)).isTrue();
    }

    @Test
    void noEventIsHeardOnceTheClockIsClosed() throws Exception {
        clock.afterSingletonsInstantiated();
        clock.destroy();
        now.addAndGet(5_000);
        long renderedAt = now.get();
        bus.publish(new RealtimeEvent(RealtimeEvent.AGENTS, "escalated", 0, Map.of()));

        assertThat(clock.heardSince(renderedAt)).isFalse();
    }
}
