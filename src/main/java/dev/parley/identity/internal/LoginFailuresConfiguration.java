package dev.parley.identity.internal;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Failed sign-ins counted in this node's memory by default; across the cluster in Redis with {@code parley.redis.enabled}. */
@Configuration(proxyBeanMethods = false)
class LoginFailuresConfiguration {

    @Bean
    LoginFailures loginFailures(@Value("${parley.redis.enabled:false}") boolean redisEnabled,
            ObjectProvider<StringRedisTemplate> redis, Clock clock) {
        return redisEnabled ? new RedisLoginFailures(redis.getObject()) : new InMemoryLoginFailures(clock);
    }
}
