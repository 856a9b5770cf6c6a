package dev.parley.workspace.web;

import dev.parley.identity.AgentPrincipal;
import dev.parley.workspace.internal.Presence;
import dev.parley.realtime.EventStreams;
import dev.parley.realtime.RealtimeEvent;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboard's live stream: every event on the agents' topic, as Server-Sent Events, starting with a
 * {@code ready} event that says whether the page, rendered at {@code since} (epoch millis), may have missed one
 * before the stream opened ({@code missed}: the page fetches its live parts again). Each heartbeat that reaches the
 * tab also keeps the agent online.
 */
@Controller
class DashboardEvents {

    private final EventStreams streams;
    private final Presence presence;
    private final DashboardEventClock clock;

    DashboardEvents(EventStreams streams, Presence presence, DashboardEventClock clock) {
        this.streams = streams;
        this.presence = presence;
        this.clock = clock;
    }

    @GetMapping(path = "/dashboard/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@AuthenticationPrincipal AgentPrincipal me, @RequestParam(defaultValue = "0") long since) {
        presence.seen(me.id());
        // asked once the stream's subscription is in place: anything later is sent live
        return streams.open(RealtimeEvent.AGENTS, 0, () -> List.of(new RealtimeEvent(RealtimeEvent.AGENTS, "ready",
                        0, Map.of("missed", clock.heardSince(since)))))
                .onHeartbeat(() -> presence.seen(me.id()))
                .emitter();
    }
}
