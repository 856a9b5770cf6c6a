package dev.parley.notification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of agent notifications, under {@code parley.notifications}.
 *
 * @param smtpUrl the mail server notifications go out through: {@code smtp://user:password@host:587} (STARTTLS when
 *     offered) or {@code smtps://...:465}, user and password URL-encoded. Unset: no email notifications and no
 *     password reset by email
 * @param from the sender, {@code Parley <parley@example.com>} or a bare address
 * @param baseUrl the dashboard's public address, for links in mails
 * @param customerMessageQuietPeriod after a "the customer wrote" mail, further customer messages in that conversation
 *     send no mail for this long
 * @param sendTimeout how long connecting to and talking with the mail server may take; a mail that failed for a
 *     passing reason (server down) is tried again with the other failed event publications
 *     ({@code parley.events.resubmit-interval})
 */
@Validated
@ConfigurationProperties("parley.notifications")
public record NotificationSettings(
        @Pattern(regexp = "|(?i)smtps?://\\S+", message = "must be an smtp:// or smtps:// URL") String smtpUrl,
        @DefaultValue("Parley <parley@localhost>") @NotBlank
        @Pattern(regexp = "[^<>@]*<[^<>@\\s]+@[^<>@\\s]+>|[^<>@\\s]+@[^<>@\\s]+",
                message = "must be an address, optionally with a name: Parley <parley@example.com>") String from,
        @DefaultValue("http://localhost:8080") @NotBlank
        @Pattern(regexp = "(?i)https?://\\S+", message = "must be an http:// or https:// URL") String baseUrl,
        @DefaultValue("10m") @NotNull Duration customerMessageQuietPeriod,
        @DefaultValue("30s") @NotNull Duration sendTimeout) {

    /** Whether a mail server is configured; without one nothing is emailed. */
    public boolean mailConfigured() {
        return smtpUrl != null && !smtpUrl.isBlank();
    }

    /** An absolute link to a dashboard path. */
    public String link(String path) {
        return baseUrl.replaceAll("/+$", "") + path;
    }
}
