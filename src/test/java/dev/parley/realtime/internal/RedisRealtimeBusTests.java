package dev.parley.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.realtime.RealtimeEvent;
import dev.parley.support.ExternalService;
import dev.parley.support.RequiresService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

/** Two nodes sharing one Redis: an event published on one reaches subscribers on both, once each. */
@RequiresService(ExternalService.REDIS)
class RedisRealtimeBusTests {

    private LettuceConnectionFactory connections;
    private final List<RedisMessageListenerContainer> containers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void connect() {
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
        connections.afterPropertiesSet();
        connections.start();
    }

    @AfterEach
    void disconnect() throws Exception {
        for (RedisMessageListenerContainer container : containers) {
            container.stop();
            container.destroy();
        }
        connections.destroy();
    }

    @Test
    void anEventPublishedOnOneNodeReachesSubscribersOnEveryNodeOnce() throws Exception {
        RedisRealtimeBus nodeA = node();
        RedisRealtimeBus nodeB = node();
        String topic = RealtimeEvent.conversationTopic(UUID.randomUUID());
        List<RealtimeEvent> seenOnA = new CopyOnWriteArrayList<>();
        List<RealtimeEvent> seenOnB = new CopyOnWriteArrayList<>();
        nodeA.subscribe(topic, seenOnA::add);
        nodeB.subscribe(topic, seenOnB::add);
        Thread.sleep(300);

        nodeA.publish(new RealtimeEvent(topic, "message", 42, Map.of("text", "hello from A")));

        long deadline = System.currentTimeMillis() + 5_000;
        while ((seenOnA.isEmpty() || seenOnB.isEmpty()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(200);
        assertThat(seenOnA).singleElement().satisfies(e -> {
            assertThat(e.seq()).isEqualTo(42);
            assertThat(e.data()).containsEntry("text", "hello from A");
        });
        assertThat(seenOnB).hasSize(1);
    }

    @Test
    void subscribersOfOtherTopicsHearNothing() throws Exception {
        RedisRealtimeBus node = node();
        List<RealtimeEvent> other = new CopyOnWriteArrayList<>();
        node.subscribe(RealtimeEvent.conversationTopic(UUID.randomUUID()), other::add);
        Thread.sleep(300);
        node.publish(new RealtimeEvent(RealtimeEvent.conversationTopic(UUID.randomUUID()), "typing", 0, Map.of()));
        Thread.sleep(500);
        assertThat(other).isEmpty();
    }

    private RedisRealtimeBus node() {
        StringRedisTemplate template = new StringRedisTemplate(connections);
        RedisRealtimeBus bus = new RedisRealtimeBus(template, new LocalDispatcher(), JsonMapper.builder().build());
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener(bus, new ChannelTopic(RedisRealtimeBus.CHANNEL));
        container.afterPropertiesSet();
        container.start();
        containers.add(container);
        return bus;
    }
}
