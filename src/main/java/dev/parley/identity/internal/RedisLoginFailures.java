package dev.parley.identity.internal;

import dev.parley.shared.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Failed sign-ins in Redis, one sorted set per key scored by the failure's time, so every node counts every
 * node's failures and a guesser gains nothing by spreading attempts over nodes. A set expires one window after its
 * newest failure. Keys are hashed: no IP or email address is readable in Redis.
 */
public class RedisLoginFailures implements LoginFailures {

    static final String NAMESPACE = "parley:login-failures:";

    private final StringRedisTemplate redis;
    private final String namespace;

    public RedisLoginFailures(StringRedisTemplate redis) {
        this(redis, NAMESPACE);
    }

    RedisLoginFailures(StringRedisTemplate redis, String namespace) {
        this.redis = redis;
        this.namespace = namespace;
    }

    @Override
    public void add(String key, Instant at, int keep, Duration window) {
        String set = redisKey(key);
        // the member is unique, so two failures in the same millisecond count twice
        redis.opsForZSet().add(set, at.toEpochMilli() + ":" + UUID.randomUUID(), at.toEpochMilli());
        redis.opsForZSet().removeRange(set, 0, -keep - 1L);
        redis.expire(set, window.plusSeconds(1));
    }

    @Override
    public List<Instant> after(String key, Instant after) {
        Set<String> members = redis.opsForZSet().rangeByScore(redisKey(key), after.toEpochMilli() + 1.0,
                Double.POSITIVE_INFINITY);
        return members == null ? List.of() : members.stream()
                .map(member -> Instant.ofEpochMilli(Long.parseLong(member.substring(0, member.indexOf(':')))))
                .toList();
    }

    @Override
    public void clear(String key) {
        redis.delete(redisKey(key));
    }

    private String redisKey(String key) {
        return namespace + Secrets.sha256Hex(key);
    }
}
