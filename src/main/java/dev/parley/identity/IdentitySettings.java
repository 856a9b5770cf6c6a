package dev.parley.identity;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of sign-in and agents, under {@code parley.identity}.
 *
 * @param adminEmail the first admin's email, created on first start when no admin exists
 * @param adminPassword the first admin's password; when blank one is generated and printed once on the console
 * @param loginMaxFailures failed sign-ins allowed from one IP for one account within {@code loginFailureWindow}
 * @param loginMaxFailuresPerIp failed sign-ins allowed from one IP, whatever the account, within the window
 * @param loginFailureWindow how long failed sign-ins count
 * @param minPasswordLength the shortest password accepted
 * @param publicMetrics whether {@code /actuator/prometheus} answers without an admin's token (for scrapers on an
 *     internal network that cannot send one); other actuator endpoints but health stay admin-only
 * @param passwordResetTtl how long a password-reset link sent by email works (once)
 * @param passwordResetsPerHour password-reset requests one client IP may make per hour (and links one account
 *     receives per hour)
 */
@Validated
@ConfigurationProperties("parley.identity")
public record IdentitySettings(
        @DefaultValue("admin@parley.local") @NotBlank String adminEmail,
        String adminPassword,
        @DefaultValue("5") @Min(1) int loginMaxFailures,
        @DefaultValue("20") @Min(1) int loginMaxFailuresPerIp,
        @DefaultValue("5m") Duration loginFailureWindow,
        @DefaultValue("10") @Min(8) int minPasswordLength,
        @DefaultValue("false") boolean publicMetrics,
        @DefaultValue("30m") Duration passwordResetTtl,
        @DefaultValue("5") @Min(1) int passwordResetsPerHour) {
}
