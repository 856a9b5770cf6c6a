package dev.parley.action;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Actions' limits, under {@code parley.actions}: host names that may resolve to private or local addresses (every
 * other host must be public), the longest timeout and largest response an action may set, the connect timeout.
 */
@Validated
@ConfigurationProperties("parley.actions")
public record ActionSettings(
        @DefaultValue({}) List<String> allowedHosts,
        @DefaultValue("10s") Duration maxTimeout,
        @DefaultValue("1048576") @Min(1024) int maxResponseBytes,
        @DefaultValue("3s") Duration connectTimeout) {
}
