package dev.parley.conversation;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many customer messages one node handles at once, under {@code parley.conversation.admission}.
 *
 * @param maxConcurrent the bound; 0 (the default) derives it from the connection pool: half of it, at least 2, so
 *     the other half is left to module listeners and live pushes (8 by default) and to agents' requests
 * @param maxWait how long a message beyond the bound waits for a slot before it is refused
 * @param retryAfter the wait the refused client is asked for ({@code Retry-After})
 */
@Validated
@ConfigurationProperties("parley.conversation.admission")
record AdmissionSettings(
        @DefaultValue("0") @Min(0) int maxConcurrent,
        @DefaultValue("5s") @NotNull Duration maxWait,
        @DefaultValue("3s") @NotNull Duration retryAfter) {

    int limit(int poolSize) {
        return maxConcurrent > 0 ? maxConcurrent : Math.max(2, poolSize / 2);
    }
}
