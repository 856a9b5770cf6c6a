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
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboard's live stream: every event on the agents' topic, as Server-Sent Events, starting with a
 * {@code ready} event. Each heartbeat that reaches the tab also keeps the agent online.
 */
@Controller
class DashboardEvents {

    private final EventStreams streams;
    private final Presence presence;

    DashboardEvents(EventStreams streams, Presence presence) {
        this.streams = streams;
        this.presence = presence;
    }

    @GetMapping(path = "/dashboard/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@AuthenticationPrincipal AgentPrincipal me) {
        presence.seen(me.id());
        return streams.open(RealtimeEvent.AGENTS, 0,
                        () -> List.of(new RealtimeEvent(RealtimeEvent.AGENTS, "ready", 0, Map.of())))
                .onHeartbeat(() -> presence.seen(me.id()))
                .emitter();
    }
}
