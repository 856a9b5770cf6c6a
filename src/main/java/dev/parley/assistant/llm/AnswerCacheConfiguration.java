package dev.parley.assistant.llm;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The answer cache in this node's memory by default; shared by every node through Redis with {@code parley.redis.enabled}. */
@Configuration(proxyBeanMethods = false)
class AnswerCacheConfiguration {

    @Bean
    AnswerCache answerCache(@Value("${parley.redis.enabled:false}") boolean redisEnabled, LlmSettings settings,
            ObjectProvider<StringRedisTemplate> redis, ObjectProvider<JsonMapper> json, Clock clock,
            MeterRegistry meters) {
        AnswerStore store = redisEnabled ? new RedisAnswerStore(redis.getObject(), json.getObject())
                : new InMemoryAnswerStore(settings.cache().maxEntries(), clock);
        return new AnswerCache(settings, store, meters);
    }
}
