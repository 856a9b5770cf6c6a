package dev.parley.channel.api;

import dev.parley.conversation.AssistantMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** API inboxes from configuration, under {@code parley.api-channel}; written again at every start. */
@Validated
@ConfigurationProperties("parley.api-channel")
record ApiChannelSettings(@DefaultValue({}) List<@Valid InboxProperties> inboxes) {

    /**
     * One API inbox, known by its name.
     *
     * @param apiKey the key the integrator sends as {@code Authorization: Bearer …} (stored as a hash)
     * @param signingSecret signs the callbacks (stored encrypted)
     */
    record InboxProperties(
            @NotBlank String name,
            @NotBlank String callbackUrl,
            @NotBlank @Size(min = 24, message = "must be at least 24 characters") String apiKey,
            @NotBlank @Size(min = 16, message = "must be at least 16 characters") String signingSecret,
            @DefaultValue("ANSWER") AssistantMode assistantMode) {

        @Override
        public String toString() {
            return "InboxProperties[" + name + ", " + callbackUrl + "]";
        }
    }
}
