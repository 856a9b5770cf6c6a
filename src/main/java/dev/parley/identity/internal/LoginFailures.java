package dev.parley.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The recent failed sign-ins behind {@link LoginThrottle}, per key (a client IP, or a client IP and account): in
 * this node's memory ({@link InMemoryLoginFailures}), or in Redis and so counted across every node
 * ({@link RedisLoginFailures}, when {@code parley.redis.enabled=true}).
 */
public interface LoginFailures {

    /** Records a failure at {@code at}, keeping at most the newest {@code keep} of the key for {@code window}. */
    void add(String key, Instant at, int keep, Duration window);

    /** The key's failures later than {@code after}, oldest first. */
    List<Instant> after(String key, Instant after);

    /** Forgets the key's failures. */
    void clear(String key);
}
