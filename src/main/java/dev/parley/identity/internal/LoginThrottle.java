package dev.parley.identity.internal;

import dev.parley.identity.IdentitySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per client IP and per client IP and account in a sliding window. Once either reaches
 * its limit, further attempts from that IP (for that account) are refused until the oldest failure leaves the
 * window. The guesser is throttled, never the account: failures from elsewhere do not keep its owner out,
 * so nobody can lock an agent (or the only admin) out by guessing. The counts are {@link LoginFailures}: per node
 * in memory, or shared by every node through Redis.
 */
@Component
public class LoginThrottle {

    private final LoginFailures failures;
    private final IdentitySettings settings;
    private final Clock clock;

    public LoginThrottle(LoginFailures failures, IdentitySettings settings, Clock clock) {
        this.failures = failures;
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
        failures.add(ipKey(ip), now, settings.loginMaxFailuresPerIp() * 2, settings.loginFailureWindow());
        failures.add(accountKey(ip, account), now, settings.loginMaxFailures() * 2, settings.loginFailureWindow());
    }

    public void succeeded(String ip, String account) {
        failures.clear(accountKey(ip, account));
    }

    private Optional<Duration> retryAfter(String key, int limit, Instant now) {
        List<Instant> recent = failures.after(key, now.minus(settings.loginFailureWindow()));
        if (recent.size() < limit) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, recent.getFirst().plus(settings.loginFailureWindow())));
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
