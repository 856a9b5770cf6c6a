package dev.parley.shared.ratelimit;

import java.time.Clock;
import java.time.Duration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Fixed-window counters in Redis (INCR + EXPIRE), shared by every node. */
public class RedisRateLimiter implements RateLimiter {

    private final StringRedisTemplate redis;
    private final Clock clock;

    public RedisRateLimiter(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public Duration hit(String key, int limit, Duration window) {
        long now = clock.millis();
        FixedWindow fixed = FixedWindow.containing(now, window);
        String redisKey = "parley:rate:" + key + ":" + fixed.start();
        Long count = redis.opsForValue().increment(redisKey);
        if (count != null && count == 1) {
            redis.expire(redisKey, window.plusSeconds(1));
        }
        return count != null && count > limit ? fixed.remaining(now) : Duration.ZERO;
    }
}
