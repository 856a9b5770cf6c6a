package dev.parley.events.internal;

import java.lang.ref.WeakReference;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes events into the event publication registry with the application's JSON mapper, as Spring Modulith's own
 * Jackson serializer does (which this bean replaces), but cheaper on the request path: that one looked the mapper up
 * in the bean factory on every call, and the registry asks for an event's JSON once per listener it records. Here the
 * mapper is injected once, and an event recorded for several listeners in a row is written once (the last event each
 * thread wrote is remembered by identity, weakly, and only when its JSON is small). Events are immutable records, so
 * their JSON cannot change between two listeners' publications. Measured in docs/benchmarks.md ("2026-12-07").
 */
@Component
class PublicationSerializer implements EventSerializer {

    /** Larger JSON is not kept between calls: a thread would hold it until it writes its next event. */
    static final int MAX_REMEMBERED_CHARS = 16 * 1024;

    private final JsonMapper mapper;
    private final ThreadLocal<Written> lastWritten = new ThreadLocal<>();

    PublicationSerializer(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Object serialize(Object event) {
        Written last = lastWritten.get();
        if (event != null && last != null && last.event().get() == event) {
            return last.json();
        }
        String json = mapper.writeValueAsString(event);
        if (json.length() <= MAX_REMEMBERED_CHARS) {
            lastWritten.set(new Written(new WeakReference<>(event), json));
        } else if (last != null) {
            lastWritten.remove();
        }
        return json;
    }

    @Override
    public <T> T deserialize(Object serialized, Class<T> type) {
        return mapper.readerFor(type).readValue(serialized.toString());
    }

    private record Written(WeakReference<Object> event, String json) {
    }
}
