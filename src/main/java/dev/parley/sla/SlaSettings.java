package dev.parley.sla;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Time rules, under {@code parley.sla}.
 *
 * @param defaultTimeZone the zone of the always-open calendar used until an admin sets business hours
 * @param checkInterval how often due times are checked for breaches and idle conversations resolved or closed
 * @param warningShare a due time is shown as a warning when less than this share of its business time is left
 * @param autoResolveAfter a conversation waiting on the customer this long without activity is resolved; 0 = never
 * @param autoCloseAfter a resolved conversation is closed this long after its resolution; 0 = never
 * @param autoResolveNotice what the customer is told when their conversation is resolved for lack of a reply
 * @param autoCloseNotice what the customer is told when their resolved conversation is closed
 */
@Validated
@ConfigurationProperties("parley.sla")
public record SlaSettings(
        @DefaultValue("UTC") @NotBlank String defaultTimeZone,
        @DefaultValue("1m") Duration checkInterval,
        @DefaultValue("0.2") @DecimalMin("0") @DecimalMax("1") double warningShare,
        @DefaultValue("7d") Duration autoResolveAfter,
        @DefaultValue("14d") Duration autoCloseAfter,
        @DefaultValue("We haven't heard back from you, so we've marked this conversation as resolved. Just reply if you still need help.")
        @NotBlank String autoResolveNotice,
        @DefaultValue("This conversation is now closed. If you need anything else, start a new conversation any time.")
        @NotBlank String autoCloseNotice) {
}
