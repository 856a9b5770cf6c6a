package dev.parley.conversation;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the conversation core, under {@code parley.conversation}.
 *
 * @param categories the categories a conversation may be filed under
 * @param maxMessageLength the longest message text accepted, in characters
 * @param subjectLength how much of the first message becomes the subject
 */
@Validated
@ConfigurationProperties("parley.conversation")
public record ConversationSettings(
        @DefaultValue({"technical", "billing", "account", "orders", "other"}) @NotEmpty List<String> categories,
        @DefaultValue("5000") @Min(1) int maxMessageLength,
        @DefaultValue("80") @Min(10) int subjectLength) {
}
