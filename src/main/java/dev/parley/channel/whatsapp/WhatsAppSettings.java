package dev.parley.channel.whatsapp;

import dev.parley.conversation.AssistantMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.util.unit.DataSize;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * WhatsApp through Meta's Cloud API, under {@code parley.whatsapp}.
 *
 * @param inboxes business phone numbers configured by properties: {@code parley.whatsapp.inboxes[0].name},
 *     {@code .phone-number-id}, {@code .access-token}, {@code .app-secret}, {@code .verify-token},
 *     {@code .assistant-mode}, {@code .reengagement-template.name}, {@code .reengagement-template.language}
 * @param graphBaseUrl the Graph API with its version (messages are POSTed to {@code {graphBaseUrl}/{phone-number-id}/messages})
 * @param timeout connect and response timeout of one Graph API call
 */
@Validated
@ConfigurationProperties("parley.whatsapp")
record WhatsAppSettings(
        @DefaultValue({}) List<@Valid InboxProperties> inboxes,
        @DefaultValue("https://graph.facebook.com/v21.0") String graphBaseUrl,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("16MB") DataSize maxMediaSize) {

    /** One business phone number from properties. */
    record InboxProperties(
            @NotBlank String name,
            @NotBlank String phoneNumberId,
            @NotBlank String accessToken,
            @NotBlank String appSecret,
            @NotBlank String verifyToken,
            @DefaultValue("ANSWER") AssistantMode assistantMode,
            Template reengagementTemplate) {
    }

    /**
     * An approved message template sent instead of free text outside the 24-hour customer-service window.
     *
     * @param language its language code, e.g. {@code en_US}
     */
    record Template(String name, @DefaultValue("en_US") String language) {
    }
}
