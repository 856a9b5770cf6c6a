package dev.parley.channel.whatsapp;

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

/** Admins add WhatsApp inboxes; the answer names the callback URL to set at Meta. Secrets are never returned. */
@RestController
@Tag(name = "WhatsApp channel (Cloud API webhooks)")
class WhatsAppInboxAdminApi {

    private final WhatsAppInboxes inboxes;

    WhatsAppInboxAdminApi(WhatsAppInboxes inboxes) {
        this.inboxes = inboxes;
    }

    record NewWhatsAppInbox(String name, String phoneNumberId, String accessToken, String appSecret,
            String verifyToken, AssistantMode assistantMode, String templateName, String templateLanguage) {
    }

    record CreatedWhatsAppInbox(UUID id, String name, String phoneNumberId, String webhookUrl, String note) {
    }

    @PostMapping("/api/v1/admin/whatsapp-inboxes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a WhatsApp inbox for a Cloud API phone number",
            description = "Set the app's webhook callback URL at Meta to webhookUrl with the same verify token and "
                    + "subscribe to the messages field. templateName is the approved template sent outside the "
                    + "24-hour customer-service window (optional).")
    CreatedWhatsAppInbox create(@RequestBody NewWhatsAppInbox request) {
        if (request == null || request.name() == null || request.name().isBlank()) {
            throw ApiException.badRequest("name, phoneNumberId, accessToken, appSecret and verifyToken are required");
        }
        Inbox inbox = inboxes.createByAdmin(request.name(), request.phoneNumberId(), request.accessToken(),
                request.appSecret(), request.verifyToken(), request.assistantMode(), request.templateName(),
                request.templateLanguage());
        return new CreatedWhatsAppInbox(inbox.id(), inbox.name(), inbox.address(), WhatsAppInboxPages.webhookUrl(inbox),
                "Meta signs webhooks with the app secret; the verify token answers its subscription handshake.");
    }
}
