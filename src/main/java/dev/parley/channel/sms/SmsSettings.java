package dev.parley.channel.sms;

import dev.parley.conversation.AssistantMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The SMS channel (Twilio), under {@code parley.sms}.
 *
 * @param inboxes SMS inboxes configured by properties: {@code parley.sms.inboxes[0].name}, {@code .phone-number}
 *     (E.164), {@code .account-sid}, {@code .auth-token}, {@code .assistant-mode}
 * @param twilioBaseUrl Twilio's REST API (a test server in tests)
 * @param publicBaseUrl the address Twilio calls Parley at: signatures are computed over it, so behind a proxy it
 *     must be the URL configured at Twilio, not the one Parley sees (defaults to {@code parley.base-url})
 * @param timeout connect and response timeout towards Twilio
 * @param helpText the answer to a customer's HELP
 */
@Validated
@ConfigurationProperties("parley.sms")
record SmsSettings(
        @DefaultValue({}) List<@Valid InboxProperties> inboxes,
        @DefaultValue("https://api.twilio.com") @Pattern(regexp = "(?i)https?://\\S+") String twilioBaseUrl,
        @Pattern(regexp = "(?i)https?://\\S+") String publicBaseUrl,
        @DefaultValue("15s") Duration timeout,
        @DefaultValue("You are writing to our support team: reply with your question. Reply STOP to stop messages, START to get them again.")
        String helpText) {

    static final String E164 = "\\+[1-9][0-9]{6,14}";

    /** One SMS number from properties. */
    record InboxProperties(
            @NotBlank String name,
            @NotBlank @Pattern(regexp = E164, message = "must be an E.164 number like +14155550100") String phoneNumber,
            @NotBlank String accountSid,
            @NotBlank String authToken,
            @DefaultValue("ANSWER") AssistantMode assistantMode) {
    }

    String publicUrl(String path) {
        String base = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:8080" : publicBaseUrl;
        return base.replaceAll("/+$", "") + path;
    }
}
