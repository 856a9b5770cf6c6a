package dev.parley.shared.ratelimit;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** In-process counters by default; Redis-backed counters when {@code parley.redis.enabled=true}. */
@Configuration(proxyBeanMethods = false)
class RateLimiterConfiguration {

    @Bean
    RateLimiter rateLimiter(@Value("${parley.redis.enabled:false}") boolean redisEnabled,
            ObjectProvider<StringRedisTemplate> redis, Clock clock) {
        return redisEnabled ? new RedisRateLimiter(redis.getObject(), clock) : new InMemoryRateLimiter(clock);
    }
}
