package dev.parley.channel.web;

import dev.parley.realtime.EventStream;
import dev.parley.shared.TooManyRequestsException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Caps the live event streams one client (IP) holds open on this node ({@code parley.widget.streams-per-client}):
 * each open stream keeps a connection, a subscription and a sender thread, so a script opening thousands would
 * starve everyone else. A stream frees its slot the moment it closes; a client that went away without closing is
 * found by probing its streams before one more is refused.
 */
@Component
class WidgetStreamSlots {

    private static final long PROBE_MILLIS = 1_000;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final Map<String, Set<EventStream>> open = new ConcurrentHashMap<>();
    private final int perClient;

    WidgetStreamSlots(WidgetSettings settings) {
        this.perClient = settings.streamsPerClient();
    }

    /** Opens a stream for {@code client} through {@code opener}, or refuses with 429 when it has its limit open. */
    EventStream open(String client, Supplier<EventStream> opener) {
        if (count(client) >= perClient) {
            // closed connections are only noticed when written to: ask the client's streams before refusing
            Set.copyOf(open.getOrDefault(client, Set.of())).forEach(stream -> stream.probe(PROBE_MILLIS));
        }
        EventStream[] opened = new EventStream[1];
        open.compute(client, (key, streams) -> {
            Set<EventStream> held = streams == null ? ConcurrentHashMap.newKeySet() : streams;
            held.removeIf(EventStream::isClosed);
            if (held.size() < perClient) {
                opened[0] = opener.get();
                held.add(opened[0]);
            }
            return held.isEmpty() ? null : held;
        });
        if (opened[0] == null) {
            throw new TooManyRequestsException("Too many live streams open from this client (at most " + perClient
                    + "); close another chat window or try again later", RETRY_AFTER);
        }
        EventStream stream = opened[0];
        stream.onClose(() -> open.computeIfPresent(client, (key, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        }));
        return stream;
    }

    int count(String client) {
        Set<EventStream> streams = open.get(client);
        return streams == null ? 0 : (int) streams.stream().filter(s -> !s.isClosed()).count();
    }
}
