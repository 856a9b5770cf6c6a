package dev.parley.channel.delivery;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How replies are delivered to channels, under {@code parley.channels.delivery}.
 *
 * @param maxAttempts attempts before a delivery is marked failed (an agent can still retry it)
 * @param firstRetryAfter the wait before the second attempt; each further wait doubles, up to {@code maxRetryAfter}
 * @param retryInterval how often due retries are looked for
 */
@Validated
@ConfigurationProperties("parley.channels.delivery")
record DeliverySettings(
        @DefaultValue("6") @Min(1) int maxAttempts,
        @DefaultValue("30s") Duration firstRetryAfter,
        @DefaultValue("30m") Duration maxRetryAfter,
        @DefaultValue("15s") Duration retryInterval) {

    /** The wait after the given number of failed attempts: 30 s, 1 min, 2 min, … at most {@code maxRetryAfter}. */
    Duration backoff(int failedAttempts) {
        return dev.parley.shared.Backoff.doubling(firstRetryAfter, maxRetryAfter, failedAttempts);
    }
}
