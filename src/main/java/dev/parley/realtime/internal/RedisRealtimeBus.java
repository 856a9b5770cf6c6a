package dev.parley.realtime.internal;

import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.RealtimeEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bus across nodes: every event goes through one Redis pub/sub channel and each node hands what
 * it receives to its own subscribers, including the node that published it, so each event is delivered once.
 */
public class RedisRealtimeBus implements RealtimeBus, MessageListener {

    static final String CHANNEL = "parley:realtime";
    private static final Logger log = LoggerFactory.getLogger(RedisRealtimeBus.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final StringRedisTemplate redis;
    private final LocalDispatcher dispatcher;
    private final JsonMapper json;

    public RedisRealtimeBus(StringRedisTemplate redis, LocalDispatcher dispatcher, JsonMapper json) {
        this.redis = redis;
        this.dispatcher = dispatcher;
        this.json = json;
    }

    @Override
    public void publish(RealtimeEvent event) {
        redis.convertAndSend(CHANNEL, json.writeValueAsString(event));
    }

    @Override
    public AutoCloseable subscribe(String topic, Consumer<RealtimeEvent> listener) {
        return dispatcher.subscribe(topic, listener);
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        try {
            Map<String, Object> raw = json.readValue(new String(message.getBody(), StandardCharsets.UTF_8), MAP);
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) raw.getOrDefault("data", Map.of());
            long seq = ((Number) raw.getOrDefault("seq", 0)).longValue();
            dispatcher.dispatch(new RealtimeEvent((String) raw.get("topic"), (String) raw.get("type"), seq, data));
        } catch (RuntimeException e) {
            log.warn("Dropped a malformed realtime event from Redis: {}", e.toString());
        }
    }
}
