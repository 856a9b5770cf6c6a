package dev.parley.realtime.internal;

import dev.parley.realtime.RealtimeBus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
}
