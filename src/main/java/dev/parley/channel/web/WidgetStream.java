package dev.parley.channel.web;

import dev.parley.conversation.Conversations;
import dev.parley.realtime.EventStreams;
import dev.parley.realtime.RealtimeEvent;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The widget's live stream (Server-Sent Events): new visible messages, typing, read receipts, status
 * and queue updates. A reconnecting client resumes from its cursor ({@code after} or {@code Last-Event-ID}) and hears
 * the conversation's current status after the messages it missed.
 */
@RestController
class WidgetStream {

    private static final int BACKLOG = 500;

    private final Conversations conversations;
    private final EventStreams streams;

    private final WidgetAccess access;
    private final WidgetStreamSlots slots;

    WidgetStream(Conversations conversations, EventStreams streams, WidgetAccess access, WidgetStreamSlots slots) {
        this.access = access;
        this.slots = slots;
        this.conversations = conversations;
        this.streams = streams;
    }

    @GetMapping(path = "/api/v1/widget/conversations/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live events of a conversation (text/event-stream)")
    SseEmitter events(@PathVariable UUID id, @RequestParam(defaultValue = "0") long after,
            @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ClientContext client) {
        access.authorize(id, authorization);
        long cursor = Math.max(after, parse(lastEventId));
        String topic = RealtimeEvent.conversationTopic(id);
        return slots.open(client.ip(), () -> streams.open(topic, cursor, () -> backlog(id, topic, cursor))).emitter();
    }

    /**
     * The messages after the cursor, then the conversation's status as it is now: a status change pushed while the
     * client was not connected (its first connect after sending, a network blip) is otherwise never heard of, and the
     * widget would not offer the rating of a resolved conversation. A status the client already shows changes nothing.
     */
    private List<RealtimeEvent> backlog(UUID id, String topic, long cursor) {
        List<RealtimeEvent> backlog = new ArrayList<>(conversations.visibleMessagesToShow(id, cursor, BACKLOG).stream()
                .map(m -> RealtimeEvent.message(topic, m))
                .toList());
        backlog.add(RealtimeEvent.status(topic, id, conversations.get(id).status(), null));
        return backlog;
    }

    private static long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
