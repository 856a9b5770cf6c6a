package dev.parley.identity.internal;

import dev.parley.cluster.RunsOnEveryNode;
import dev.parley.identity.IdentitySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per client IP and per client IP and account in a sliding window. Once either reaches
 * its limit, further attempts from that IP (for that account) are refused until the oldest failure leaves the
 * window. The guesser is throttled, never the account: failures from elsewhere do not keep its owner out,
 * so nobody can lock an agent (or the only admin) out by guessing. Per node, in memory.
 */
@Component
public class LoginThrottle {

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final IdentitySettings settings;
    private final Clock clock;

    public LoginThrottle(IdentitySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long the caller must wait before trying again, or empty when an attempt is allowed. */
    public Optional<Duration> blockedFor(String ip, String account) {
        Instant now = clock.instant();
        return max(retryAfter(ipKey(ip), settings.loginMaxFailuresPerIp(), now),
                retryAfter(accountKey(ip, account), settings.loginMaxFailures(), now));
    }

    public void failed(String ip, String account) {
        Instant now = clock.instant();
        record(ipKey(ip), settings.loginMaxFailuresPerIp(), now);
        record(accountKey(ip, account), settings.loginMaxFailures(), now);
    }

    public void succeeded(String ip, String account) {
        failures.remove(accountKey(ip, account));
    }

    @Scheduled(fixedDelay = 60_000)
    @RunsOnEveryNode("the failure counts live in this node's memory")
    void forgetOldFailures() {
        Instant cutoff = clock.instant().minus(settings.loginFailureWindow());
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                entry.getValue().removeIf(at -> at.isBefore(cutoff));
                return entry.getValue().isEmpty();
            }
        });
    }

    private Optional<Duration> retryAfter(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            Instant cutoff = now.minus(settings.loginFailureWindow());
            times.removeIf(at -> !at.isAfter(cutoff));
            if (times.size() < limit) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, times.peekFirst().plus(settings.loginFailureWindow())));
        }
    }

    private void record(String key, int limit, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (times.size() > limit * 2) {
                times.removeFirst();
            }
        }
    }

    private static Optional<Duration> max(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    private static String ipKey(String ip) {
        return "ip:" + ip;
    }

    private static String accountKey(String ip, String account) {
        return "ip+account:" + ip + "|" + (account == null ? "" : account.strip().toLowerCase(Locale.ROOT));
    }
}
