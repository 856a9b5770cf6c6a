package dev.parley.channel.sms;

import dev.parley.conversation.AssistantMode;
import dev.parley.conversation.Inbox;
import dev.parley.shared.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins add SMS inboxes (a Twilio number): the answer names the two URLs to configure at Twilio. The auth token is
 * stored encrypted and never shown again.
 */
@RestController
@Tag(name = "SMS channel (Twilio webhooks)")
class SmsInboxAdminApi {

    private final SmsInboxes inboxes;
    private final SmsSettings settings;

    SmsInboxAdminApi(SmsInboxes inboxes, SmsSettings settings) {
        this.inboxes = inboxes;
        this.settings = settings;
    }

    record NewSmsInbox(String name, String phoneNumber, String accountSid, String authToken,
            AssistantMode assistantMode) {
    }

    record CreatedSmsInbox(UUID id, String name, String phoneNumber, String accountSid, String messagesWebhookUrl,
            String statusCallbackUrl, String note) {
    }

    @PostMapping("/api/v1/admin/sms-inboxes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an SMS inbox for a Twilio number",
            description = "Set the number's \"A message comes in\" webhook at Twilio to messagesWebhookUrl (HTTP POST). "
                    + "Replies carry statusCallbackUrl themselves.")
    CreatedSmsInbox create(@RequestBody NewSmsInbox request) {
        if (request == null || request.name() == null || request.name().isBlank()) {
            throw ApiException.badRequest("name, phoneNumber, accountSid and authToken are required");
        }
        Inbox inbox = inboxes.create(request.name(), request.phoneNumber(), request.accountSid(), request.authToken(),
                request.assistantMode());
        return new CreatedSmsInbox(inbox.id(), inbox.name(), inbox.address(), request.accountSid().strip(),
                settings.publicUrl(SmsChannel.messagesPath(inbox)),
                settings.publicUrl(SmsChannel.statusPath(inbox)),
                "Twilio signs its webhooks for exactly these URLs: they must match parley.sms.public-base-url.");
    }
}
