package dev.parley.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.identity.IdentitySettings;
import dev.parley.support.ExternalService;
import dev.parley.support.MutableClock;
import dev.parley.support.RequiresService;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

@RequiresService(ExternalService.REDIS)
class RedisLoginThrottleTests implements LoginThrottleContract {

    private static LettuceConnectionFactory nodeA;
    private static LettuceConnectionFactory nodeB;

    /** Each test's keys under a namespace of its own, so leftovers of earlier runs never count. */
    private final String namespace = "parley-test:login-failures:" + UUID.randomUUID() + ":";

    @BeforeAll
    static void connect() {
        nodeA = connection();
        nodeB = connection();
    }

    @AfterAll
    static void disconnect() {
        nodeA.destroy();
        nodeB.destroy();
    }

    private static LettuceConnectionFactory connection() {
        var connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
        connections.afterPropertiesSet();
        connections.start();
        return connections;
    }

    @Override
    public LoginFailures failures(MutableClock clock) {
        return new RedisLoginFailures(new StringRedisTemplate(nodeA), namespace);
    }

    @Test
    void failuresOnOneNodeCountOnAnother() {
        var clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
        IdentitySettings settings = LoginThrottleContract.SETTINGS;
        var onA = new LoginThrottle(new RedisLoginFailures(new StringRedisTemplate(nodeA), namespace), settings, clock);
        var onB = new LoginThrottle(new RedisLoginFailures(new StringRedisTemplate(nodeB), namespace), settings, clock);
        onA.failed("192.0.2.7", "ada@test.local");
        onB.failed("192.0.2.7", "ada@test.local");
        onA.failed("192.0.2.7", "ada@test.local");

        assertThat(onB.blockedFor("192.0.2.7", "ada@test.local")).contains(Duration.ofMinutes(5));
        onB.succeeded("192.0.2.7", "ada@test.local");
        assertThat(onA.blockedFor("192.0.2.7", "ada@test.local")).isEmpty();
    }

    @Test
    void keepsNoAddressOrEmailReadableAndExpiresWithTheWindow() {
        var clock = new MutableClock(Instant.now());
        var redis = new StringRedisTemplate(nodeA);
        new LoginThrottle(new RedisLoginFailures(redis, namespace), LoginThrottleContract.SETTINGS, clock)
                .failed("192.0.2.8", "ada@test.local");

        var keys = redis.keys(namespace + "*");
        assertThat(keys).hasSize(2).allSatisfy(key -> assertThat(key).doesNotContain("192.0.2.8", "ada"));
        assertThat(redis.getExpire(keys.iterator().next())).isBetween(290L, 301L);
    }
}
