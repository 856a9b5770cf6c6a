package dev.parley.channel.webhook;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outbound webhooks, under {@code parley.webhooks}.
 *
 * @param retryFor how long a delivery is retried before it counts as failed
 * @param firstRetryAfter the first wait; each further wait doubles up to {@code maxRetryAfter}
 * @param disableAfter a subscription whose deliveries failed this many times in a row is disabled (admins are told)
 * @param dispatchInterval how often due retries are sent
 */
@Validated
@ConfigurationProperties("parley.webhooks")
record WebhookSettings(
        @DefaultValue("24h") Duration retryFor,
        @DefaultValue("30s") Duration firstRetryAfter,
        @DefaultValue("1h") Duration maxRetryAfter,
        @DefaultValue("5") @Min(1) int disableAfter,
        @DefaultValue("5s") Duration dispatchInterval) {

    Duration backoff(int failedAttempts) {
        return dev.parley.shared.Backoff.doubling(firstRetryAfter, maxRetryAfter, failedAttempts);
    }
}
