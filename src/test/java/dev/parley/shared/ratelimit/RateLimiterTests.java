package dev.parley.shared.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.shared.TooManyRequestsException;
import dev.parley.support.ExternalService;
import dev.parley.support.MutableClock;
import dev.parley.support.RequiresService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

class RateLimiterTests {

    /** 10 s into a minute window, so a test never straddles a window boundary. */
    static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-23T10:00:10Z"), ZoneOffset.UTC);

    static void allowsTheLimitThenAsksToWaitUntilTheWindowEnds(RateLimiter limiter) {
        String key = "test:" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.hit(key, 3, Duration.ofMinutes(1))).isZero();
        }
        assertThat(limiter.hit(key, 3, Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(50));
        assertThatThrownBy(() -> limiter.check(key, 3, Duration.ofMinutes(1), "attempts"))
                .isInstanceOf(TooManyRequestsException.class)
                .satisfies(e -> assertThat(((TooManyRequestsException) e).retryAfter()).isEqualTo(Duration.ofSeconds(50)));
        assertThat(limiter.hit("other:" + key, 3, Duration.ofMinutes(1))).isZero();
    }

    @Test
    void inMemoryLimiterCountsPerKeyAndWindow() {
        allowsTheLimitThenAsksToWaitUntilTheWindowEnds(new InMemoryRateLimiter(FIXED));
    }

    @Test
    void inMemoryLimiterStartsAfreshInTheNextWindow() {
        var clock = new MutableClock(Instant.parse("2026-11-23T10:00:59Z"));
        RateLimiter limiter = new InMemoryRateLimiter(clock);
        assertThat(limiter.hit("k", 1, Duration.ofMinutes(1))).isZero();
        assertThat(limiter.hit("k", 1, Duration.ofMinutes(1))).isPositive();
        clock.set(Instant.parse("2026-11-23T10:01:00Z"));
        assertThat(limiter.hit("k", 1, Duration.ofMinutes(1))).isZero();
    }

    @Nested
    @RequiresService(ExternalService.REDIS)
    class OnRedis {

        @Test
        void redisLimiterSharesCountsAcrossInstances() {
            var connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
            connections.afterPropertiesSet();
            connections.start();
            try {
                StringRedisTemplate redis = new StringRedisTemplate(connections);
                allowsTheLimitThenAsksToWaitUntilTheWindowEnds(new RedisRateLimiter(redis, FIXED));
                String key = "shared:" + UUID.randomUUID();
                RateLimiter nodeA = new RedisRateLimiter(redis, FIXED);
                RateLimiter nodeB = new RedisRateLimiter(redis, FIXED);
                assertThat(nodeA.hit(key, 1, Duration.ofMinutes(1))).isZero();
                assertThat(nodeB.hit(key, 1, Duration.ofMinutes(1))).isPositive();
            } finally {
                connections.destroy();
            }
        }
    }
}
