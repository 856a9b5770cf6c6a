package dev.parley.channel.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the public widget API. Message text limits are checked by the conversation core. */
final class WidgetRequests {

    private WidgetRequests() {
    }

    record StartConversation(
            @Size(max = 200) String name,
            @Email @Size(max = 320) String email,
            @Size(max = 2000) String pageUrl,
            @Size(max = 100) String visitorId,
            @Size(max = 64) String category,
            String message,
            @Size(max = 100) String clientMessageId,
            @Size(max = 100) String identityToken) {
    }

    record PostMessage(String text, @Size(max = 100) String clientMessageId) {
    }

    record Typing(@NotNull Boolean typing) {
    }

    record Read(@NotNull @Min(0) Long upToSeq) {
    }

    record Rating(@NotNull @Min(1) @jakarta.validation.constraints.Max(5) Integer rating, @Size(max = 2000) String comment) {
    }

    record Feedback(@NotNull java.util.UUID messageId, @NotNull Boolean helpful) {
    }

    record Contact(@Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email) {
    }
}
