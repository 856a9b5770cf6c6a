package dev.parley.workspace;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The retention policy, under {@code parley.retention}: off unless {@code anonymise-after} is set.
 *
 * @param anonymiseAfter finished conversations untouched this long are anonymised (their texts erased, the rows and
 *     figures kept), and so are contacts with nothing kept any more; 0 (the default) keeps everything. At least one
 *     day, so a mistyped unit cannot wipe last week's conversations.
 * @param sweepInterval how often the policy is applied, on one node of a cluster
 * @param batchSize conversations anonymised per transaction
 */
@Validated
@ConfigurationProperties("parley.retention")
public record RetentionSettings(
        @DefaultValue("0") Duration anonymiseAfter,
        @DefaultValue("1h") Duration sweepInterval,
        @DefaultValue("500") @Min(1) int batchSize) {

    public RetentionSettings {
        if (anonymiseAfter.isNegative() || (!anonymiseAfter.isZero() && anonymiseAfter.compareTo(Duration.ofDays(1)) < 0)) {
            throw new IllegalArgumentException("parley.retention.anonymise-after must be 0 (keep everything) or at least"
                    + " 1d, e.g. 365d; it is " + anonymiseAfter);
        }
    }

    public boolean enabled() {
        return !anonymiseAfter.isZero();
    }
}
