package dev.parley.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.identity.IdentitySettings;
import dev.parley.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the sign-in throttle does, whichever store keeps the failures: 3 failures per IP and account, 5 per IP, in
 * a 5-minute window. Each implementation runs these against its real store.
 */
interface LoginThrottleContract {

    IdentitySettings SETTINGS = new IdentitySettings("admin@test.local", null, 3, 5, Duration.ofMinutes(5), 10, false,
            Duration.ofMinutes(30), 5);

    /** A fresh store, empty of anything an earlier test recorded. */
    LoginFailures failures(MutableClock clock);

    private static String ip() {
        return "192.0.2." + UUID.randomUUID();
    }

    private LoginThrottle throttle(MutableClock clock) {
        return new LoginThrottle(failures(clock), SETTINGS, clock);
    }

    @Test
    default void refusesAnIpAndAccountAtTheLimitUntilTheOldestFailureLeavesTheWindow() {
        var clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
        LoginThrottle throttle = throttle(clock);
        String ip = ip();
        throttle.failed(ip, "ada@test.local");
        clock.advance(Duration.ofMinutes(1));
        throttle.failed(ip, "ada@test.local");
        assertThat(throttle.blockedFor(ip, "ada@test.local")).isEmpty();
        throttle.failed(ip, "ADA@test.local ");

        assertThat(throttle.blockedFor(ip, "ada@test.local")).contains(Duration.ofMinutes(4));
        assertThat(throttle.blockedFor(ip, "bob@test.local")).as("another account from that IP").isEmpty();
        assertThat(throttle.blockedFor(ip(), "ada@test.local")).as("the owner elsewhere").isEmpty();
        clock.advance(Duration.ofMinutes(4));
        assertThat(throttle.blockedFor(ip, "ada@test.local")).as("the first failure left the window").isEmpty();
    }

    @Test
    default void refusesAnIpThatFailedForManyAccounts() {
        var clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
        LoginThrottle throttle = throttle(clock);
        String ip = ip();
        for (int i = 0; i < 5; i++) {
            throttle.failed(ip, "user" + i + "@test.local");
        }

        assertThat(throttle.blockedFor(ip, "someone-new@test.local")).contains(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.blockedFor(ip, "someone-new@test.local")).isEmpty();
    }

    @Test
    default void aSuccessfulSignInForgetsThatAccountsFailuresFromThatIp() {
        var clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
        LoginThrottle throttle = throttle(clock);
        String ip = ip();
        throttle.failed(ip, "ada@test.local");
        throttle.failed(ip, "ada@test.local");
        throttle.succeeded(ip, "ada@test.local");
        throttle.failed(ip, "ada@test.local");
        throttle.failed(ip, "ada@test.local");

        assertThat(throttle.blockedFor(ip, "ada@test.local")).isEmpty();
        throttle.failed(ip, "ada@test.local");
        assertThat(throttle.blockedFor(ip, "ada@test.local")).isPresent();
    }

    @Test
    default void failuresInTheSameMillisecondEachCount() {
        var clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
        LoginThrottle throttle = throttle(clock);
        String ip = ip();
        for (int i = 0; i < 3; i++) {
            throttle.failed(ip, "ada@test.local");
        }

        assertThat(throttle.blockedFor(ip, "ada@test.local")).contains(Duration.ofMinutes(5));
    }
}
