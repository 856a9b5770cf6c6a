package dev.parley.realtime.internal;

import dev.parley.realtime.RealtimeEvent;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers events to the subscribers connected to this node. */
public class LocalDispatcher {

    private static final Logger log = LoggerFactory.getLogger(LocalDispatcher.class);

    private final Map<String, Set<Consumer<RealtimeEvent>>> subscribers = new ConcurrentHashMap<>();

    public AutoCloseable subscribe(String topic, Consumer<RealtimeEvent> listener) {
        subscribers.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> subscribers.computeIfPresent(topic, (t, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    public void dispatch(RealtimeEvent event) {
        Set<Consumer<RealtimeEvent>> listeners = subscribers.get(event.topic());
        if (listeners == null) {
            return;
        }
        for (Consumer<RealtimeEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.debug("Realtime subscriber failed on {}: {}", event.topic(), e.toString());
            }
        }
    }

    public int subscriberCount(String topicPrefix) {
        return subscribers.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(topicPrefix))
                .mapToInt(entry -> entry.getValue().size())
                .sum();
    }
}
