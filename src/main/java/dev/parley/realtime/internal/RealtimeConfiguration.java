package dev.parley.realtime.internal;

import dev.parley.realtime.RealtimeBus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

/** Picks the bus: in-process for one node, Redis pub/sub when {@code parley.redis.enabled=true}. */
@Configuration(proxyBeanMethods = false)
class RealtimeConfiguration {

    @Bean
    LocalDispatcher localDispatcher() {
        return new LocalDispatcher();
    }

    @Bean
    @ConditionalOnProperty(name = "parley.redis.enabled", havingValue = "false", matchIfMissing = true)
    RealtimeBus localRealtimeBus(LocalDispatcher dispatcher) {
        return new LocalRealtimeBus(dispatcher);
    }

    @Bean
    @ConditionalOnProperty(name = "parley.redis.enabled", havingValue = "true")
    RedisRealtimeBus redisRealtimeBus(StringRedisTemplate redis, LocalDispatcher dispatcher, JsonMapper json) {
        return new RedisRealtimeBus(redis, dispatcher, json);
    }

    @Bean
    @ConditionalOnProperty(name = "parley.redis.enabled", havingValue = "true")
    RedisMessageListenerContainer realtimeListenerContainer(RedisConnectionFactory connections, RedisRealtimeBus bus) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener(bus, new ChannelTopic(RedisRealtimeBus.CHANNEL));
        return container;
    }
}
