package dev.parley.events;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of module listeners ({@code @ApplicationModuleListener}), under {@code parley.events}.
 *
 * @param resubmitInterval how often failed event publications are handed to their listener again (once across the
 *     cluster)
 * @param resubmitAfter a publication still not completed this long after it was published counts as lost (its node
 *     died, its listener hangs) and is handed over again; longer than any listener may legitimately wait and run
 * @param listenerThreads module listeners running at once on a node: each may hold a database connection, so this
 *     stays well below the connection pool and listeners never starve requests; more wait in line, in order
 * @param liveThreads threads of their own for live pushes ({@link LiveListener}), which therefore never wait behind
 *     the other listeners
 * @param outboundRuns listeners that call a server outside ({@link OutboundListener}: mail, models, callbacks)
 *     running at once on a node, each on a virtual thread and without a database connection while it waits
 */
@Validated
@ConfigurationProperties("parley.events")
public record EventSettings(
        @DefaultValue("1m") @NotNull Duration resubmitInterval,
        @DefaultValue("10m") @NotNull Duration resubmitAfter,
        @DefaultValue("6") @Min(1) @Max(256) int listenerThreads,
        @DefaultValue("2") @Min(1) @Max(64) int liveThreads,
        @DefaultValue("64") @Min(1) @Max(10000) int outboundRuns) {
}
