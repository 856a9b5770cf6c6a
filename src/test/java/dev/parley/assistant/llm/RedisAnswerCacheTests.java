package dev.parley.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.SourceRef;
import dev.parley.support.ExternalService;
import dev.parley.support.RequiresService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The answer cache shared through Redis: two caches on two connections stand for two nodes. */
@RequiresService(ExternalService.REDIS)
class RedisAnswerCacheTests {

    private static LettuceConnectionFactory connections;

    private final String namespace = "parley-test:answer:" + UUID.randomUUID() + ":";
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void connect() {
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
        connections.afterPropertiesSet();
        connections.start();
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    private AnswerCache node() {
        var base = TestSettings.offline(false);
        var settings = new LlmSettings(base.provider(), null, null, null, base.persona(), base.prices(), false,
                new LlmSettings.Cache(true, 10, Duration.ofMinutes(5)), base.resilience());
        var store = new RedisAnswerStore(new StringRedisTemplate(connections), JsonMapper.builder().build(), namespace);
        return new AnswerCache(settings, store, meters);
    }

    @Test
    void anAnswerCachedOnOneNodeIsFoundOnAnotherUntilTheKnowledgeChanges() {
        var answer = new GroundedDecision.Answered("Use the [EMAIL_1] link.", 0.8,
                List.of(new SourceRef("a1", "Resetting a password", "/help/articles/a1")), false);
        String before = AnswerCache.key("How do I reset my password?", 7, "English", "prompt");
        node().put(before, answer);

        assertThat(node().find(before)).contains(answer);
        assertThat(node().find(AnswerCache.key("How do I reset my password?", 8, "English", "prompt")))
                .as("after a knowledge change, on any node").isEmpty();
        assertThat(meters.counter("parley.assistant.cache", "result", "hit").count()).isEqualTo(1);
    }

    @Test
    void keepsUnanswerableDecisionsAndNeverFailures() {
        var unanswerable = new GroundedDecision.Unanswerable(0.1, "the articles do not say", false);
        node().put("u", unanswerable);
        node().put("f", new GroundedDecision.Failed(LlmException.Kind.TIMEOUT, "slow"));

        assertThat(node().find("u")).contains(unanswerable);
        assertThat(node().find("f")).isEmpty();
    }

    @Test
    void entriesExpireWithTheCachesTimeToLive() {
        node().put("k", new GroundedDecision.Unanswerable(0.1, "no", false));

        assertThat(new StringRedisTemplate(connections).getExpire(namespace + "k")).isBetween(298L, 300L);
    }
}
