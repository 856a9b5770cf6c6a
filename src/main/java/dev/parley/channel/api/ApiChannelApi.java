package dev.parley.channel.api;

import dev.parley.conversation.ContactHandle;
import dev.parley.conversation.InboundMessage;
import dev.parley.conversation.InboundMessages;
import dev.parley.conversation.InboundResult;
import dev.parley.conversation.Inbox;
import dev.parley.shared.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API channel's way in: an integrator (a messenger bridge, an app) posts its customers' messages with the
 * inbox's API key. The same external message id is stored once, so the integrator can retry safely; one open
 * conversation per external contact and inbox.
 */
@RestController
@Tag(name = "API channel", description = """
        Feed any messenger or app into Parley. An admin creates an API inbox (Admin → API inboxes, or \
        POST /api/v1/admin/api-inboxes) and gets its API key and signing secret once. Your bridge then:

        1. posts each customer message: `POST /api/v1/inboxes/{inboxId}/messages` with \
        `Authorization: Bearer <API key>` and `{"contactId", "name", "text", "messageId"}` (retry safely: the \
        same messageId is stored once);
        2. receives replies at the inbox's callback URL as `{"event": "message.created", "conversationId", \
        "contactId", "status", "message": {"text", "authorType", …}}`, signed \
        `X-Parley-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`: check the HMAC \
        over the raw body and reject timestamps older than 5 minutes; answer 2xx (anything else is retried). \
        Status changes arrive the same way as `{"event": "conversation.status_changed", "conversationId", \
        "contactId", "from", "status"}`.

        An example bridge in Python (standard library only) is in the repository at \
        `docs/examples/api-channel-bridge.py`; the test suite runs it against a real server.""")
class ApiChannelApi {

    private final ApiInboxes inboxes;
    private final InboundMessages inbound;

    ApiChannelApi(ApiInboxes inboxes, InboundMessages inbound) {
        this.inboxes = inboxes;
        this.inbound = inbound;
    }

    @Schema(description = "A customer's message from your system")
    record PostedMessage(
            @Schema(description = "your id of the customer (at most 200 characters)", example = "user-42") String contactId,
            @Schema(description = "the customer's name", example = "Ann Smith") String name,
            @Schema(description = "the customer's email address, if known") String email,
            @Schema(description = "the message", example = "Where is my order?") String text,
            @Schema(description = "your id of this message: the same id is stored once", example = "msg-1001") String messageId) {
    }

    record Accepted(UUID conversationId, UUID messageId, boolean duplicate) {
    }

    @PostMapping("/api/v1/inboxes/{inboxId}/messages")
    @Operation(summary = "Post a customer's message into an API inbox (Authorization: Bearer <inbox API key>)",
            description = "202 with the conversation; the same messageId again answers 200 with duplicate=true and "
                    + "stores nothing. Replies arrive at the inbox's callback URL, signed with X-Parley-Signature.")
    ResponseEntity<Accepted> post(@PathVariable UUID inboxId,
            @RequestHeader(value = "Authorization", required = false) String authorization,
            @RequestBody PostedMessage body) {
        Inbox inbox = inboxes.authorize(inboxId, authorization);
        if (body == null || blank(body.contactId()) || blank(body.text()) || blank(body.messageId())) {
            throw ApiException.badRequest("contactId, text and messageId are required");
        }
        if (body.contactId().length() > 200 || body.messageId().length() > 200) {
            throw ApiException.badRequest("contactId and messageId are at most 200 characters");
        }
        List<ContactHandle> handles = new ArrayList<>();
        handles.add(new ContactHandle(ContactHandle.Kind.EXTERNAL, inbox.id() + ":" + body.contactId().strip()));
        if (!blank(body.email())) {
            try {
                handles.add(ContactHandle.email(body.email()));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("email: " + e.getMessage());
            }
        }
        InboundResult result = inbound.receive(new InboundMessage(inbox.id(), handles, body.name(),
                "api:" + body.messageId().strip(), List.of("contact:" + body.contactId().strip()), null, null,
                body.text(), List.of(), null));
        return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(new Accepted(result.conversation().id(), result.message().id(), result.duplicate()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
