package dev.parley.realtime;

import java.util.function.Consumer;

/**
 * Publish/subscribe for live events. Publishing reaches subscribers on every node (through Redis
 * when {@code parley.redis.enabled}); subscribers are local SSE connections.
 */
public interface RealtimeBus {

    void publish(RealtimeEvent event);

    /** Subscribes to one topic; close the returned handle to stop. */
    AutoCloseable subscribe(String topic, Consumer<RealtimeEvent> listener);
}
