package dev.parley.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryLoginThrottleTests implements LoginThrottleContract {

    @Override
    public LoginFailures failures(MutableClock clock) {
        return new InMemoryLoginFailures(clock);
    }

    @Test
    void theSweepDropsFailuresOnceTheirWindowPassed() {
        var clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
        var failures = new InMemoryLoginFailures(clock);
        failures.add("ip:198.51.100.1", clock.instant(), 10, Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));
        failures.forgetOldFailures();

        assertThat(failures.after("ip:198.51.100.1", Instant.EPOCH)).isEmpty();
    }
}
