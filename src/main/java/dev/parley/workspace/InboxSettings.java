package dev.parley.workspace;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the inbox, under {@code parley.inbox}.
 *
 * @param maxConcurrentPerAgent open conversations an agent holds at most, unless the agent has their own limit
 * @param awayAfter an online agent with no dashboard tab connected for this long becomes away
 * @param offlineAfter an automatically away agent becomes offline after this long; their conversations are reassigned
 * @param sweepInterval how often presence is checked and the waiting queue is retried
 * @param defaultHandleTime the handle time assumed for wait estimates until conversations have been resolved
 * @param awayReleaseAfter an agent away this long (by choice or automatically) gives their open conversations back to
 *     the queue; 0 keeps them with the agent
 */
@Validated
@ConfigurationProperties("parley.inbox")
public record InboxSettings(
        @DefaultValue("5") @Min(0) int maxConcurrentPerAgent,
        @DefaultValue("90s") Duration awayAfter,
        @DefaultValue("15m") Duration offlineAfter,
        @DefaultValue("15s") Duration sweepInterval,
        @DefaultValue("10m") Duration defaultHandleTime,
        @DefaultValue("10m") Duration awayReleaseAfter) {
}
