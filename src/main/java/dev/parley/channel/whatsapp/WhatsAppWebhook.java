package dev.parley.channel.whatsapp;

import dev.parley.conversation.ContactHandle;
import dev.parley.conversation.Deliveries;
import dev.parley.conversation.Delivery;
import dev.parley.conversation.DeliveryState;
import dev.parley.conversation.InboundMessage;
import dev.parley.conversation.InboundResult;
import dev.parley.conversation.InboundMessages;
import dev.parley.conversation.Inboxes;
import dev.parley.shared.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meta's webhook for a WhatsApp inbox: the subscription handshake (GET) and notifications (POST). A notification
 * is taken only when {@code X-Hub-Signature-256} is the HMAC-SHA256 of the raw body with the inbox's app secret;
 * messages are stored once per WhatsApp message id (Meta retries for days), statuses update the deliveries.
 */
@RestController
@Tag(name = "WhatsApp channel")
class WhatsAppWebhook {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhook.class);

    static final String HANDLE_PREFIX = "whatsapp:";
    static final String THREAD_PREFIX = "wa:";
    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    private final WhatsAppInboxes whatsapp;
    private final Inboxes inboxes;
    private final InboundMessages inbound;
    private final Deliveries deliveries;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    WhatsAppWebhook(WhatsAppInboxes whatsapp, Inboxes inboxes, InboundMessages inbound, Deliveries deliveries,
            JsonMapper json, ApplicationEventPublisher events, TransactionTemplate tx) {
        this.whatsapp = whatsapp;
        this.inboxes = inboxes;
        this.inbound = inbound;
        this.deliveries = deliveries;
        this.json = json;
        this.events = events;
        this.tx = tx;
    }

    /** The callback URL's path of an inbox, as set in Meta's app dashboard. */
    static String path(UUID inboxId) {
        return "/api/v1/channels/whatsapp/" + inboxId + "/webhook";
    }

    @GetMapping(value = "/api/v1/channels/whatsapp/{inboxId}/webhook", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Meta's webhook verification: answers hub.challenge when hub.verify_token is the inbox's")
    ResponseEntity<String> verify(@PathVariable UUID inboxId,
            @RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        WhatsAppInboxes.Settings settings = settings(inboxId);
        if (!"subscribe".equals(mode) || token == null || challenge == null
                || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                        settings.verifyToken().getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.forbidden("The verify token does not match this WhatsApp inbox");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
    }

    @PostMapping("/api/v1/channels/whatsapp/{inboxId}/webhook")
    @Operation(summary = "Meta's notifications for a WhatsApp inbox (signed with X-Hub-Signature-256)")
    ResponseEntity<Void> notify(@PathVariable UUID inboxId,
            @RequestHeader(value = SIGNATURE_HEADER, required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        WhatsAppInboxes.Settings settings = settings(inboxId);
        byte[] raw = body == null ? new byte[0] : body;
        if (!validSignature(settings.appSecret(), raw, signature)) {
            throw ApiException.forbidden("The X-Hub-Signature-256 of this notification is missing or wrong");
        }
        JsonNode payload;
        try {
            payload = json.readTree(raw);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("The notification is not JSON");
        }
        if (payload == null || !payload.isObject()) {
            throw ApiException.badRequest("The notification is not a JSON object");
        }
        for (JsonNode entry : payload.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                if (!"messages".equals(change.path("field").asString(""))) {
                    continue;
                }
                JsonNode value = change.path("value");
                Optional<WhatsAppInboxes.Settings> target = target(settings, value);
                if (target.isEmpty()) {
                    continue;
                }
                receiveMessages(target.get(), value);
                receiveStatuses(target.get(), value);
            }
        }
        return ResponseEntity.ok().build();
    }

    static String sign(String appSecret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    static boolean validSignature(String appSecret, byte[] body, String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        byte[] expected = sign(appSecret, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = header.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    private WhatsAppInboxes.Settings settings(UUID inboxId) {
        return whatsapp.settings(inboxId).orElseThrow(() -> ApiException.notFound("WhatsApp inbox " + inboxId));
    }

    /**
     * The inbox a change belongs to: Meta sends every number of an app to the app's one callback URL, so a change
     * for another number goes to that number's inbox when it shares the app secret that signed the notification.
     */
    private Optional<WhatsAppInboxes.Settings> target(WhatsAppInboxes.Settings signed, JsonNode value) {
        String phoneNumberId = value.path("metadata").path("phone_number_id").asString("");
        if (phoneNumberId.isBlank() || phoneNumberId.equals(signed.phoneNumberId())) {
            return Optional.of(signed);
        }
        Optional<WhatsAppInboxes.Settings> other = inboxes.byAddress(WhatsAppInboxes.CHANNEL, phoneNumberId)
                .flatMap(i -> whatsapp.settings(i.id()))
                .filter(s -> MessageDigest.isEqual(s.appSecret().getBytes(StandardCharsets.UTF_8),
                        signed.appSecret().getBytes(StandardCharsets.UTF_8)));
        if (other.isEmpty()) {
            log.warn("WhatsApp notification for phone number id {} at the webhook of {}: no such inbox, ignored",
                    phoneNumberId, signed);
        }
        return other;
    }

    private void receiveMessages(WhatsAppInboxes.Settings settings, JsonNode value) {
        Map<String, String> names = new HashMap<>();
        for (JsonNode contact : value.path("contacts")) {
            String id = senderId(contact.path("wa_id"), contact.path("user_id"));
            String name = contact.path("profile").path("name").asString("");
            if (id != null && !name.isBlank()) {
                names.put(id, name);
            }
        }
        for (JsonNode message : value.path("messages")) {
            String from = senderId(message.path("from"), message.path("from_user_id"));
            String id = message.path("id").asString("");
            if (from == null || id.isBlank()) {
                log.warn("A WhatsApp message without sender or id at {} was ignored", settings);
                continue;
            }
            Content content = content(message);
            InboundResult stored = inbound.receive(new InboundMessage(settings.inbox().id(),
                    List.of(new ContactHandle(ContactHandle.Kind.EXTERNAL, HANDLE_PREFIX + from)), names.get(from),
                    HANDLE_PREFIX + id, List.of(THREAD_PREFIX + from), null, null, content.text(), List.of(),
                    content.warning()));
            Media media = content.media();
            if (media != null && !stored.duplicate()) {
                // fetched after the webhook answered: Meta wants a quick 200, the file may take a while
                tx.executeWithoutResult(status -> events.publishEvent(new WhatsAppMedia.MediaReceived(
                        settings.inbox().id(), stored.conversation().id(), stored.message().id(), media.id(),
                        media.kind(), media.filename(), media.mimeType())));
            }
        }
    }

    private static String senderId(JsonNode primary, JsonNode fallback) {
        String id = primary.asString("");
        if (id.isBlank()) {
            id = fallback.asString("");
        }
        return id.isBlank() ? null : id.strip();
    }

    record Content(String text, String warning, Media media) {

        Content(String text, String warning) {
            this(text, warning, null);
        }
    }

    /** A file the customer sent, still at Meta under its media id. */
    record Media(String id, String kind, String filename, String mimeType) {
    }

    static Content content(JsonNode message) {
        String type = message.path("type").asString("");
        return switch (type) {
            case "text" -> new Content(message.path("text").path("body").asString(""), null);
            case "image", "document", "audio", "video", "sticker" -> {
                JsonNode media = message.path(type);
                String caption = media.path("caption").asString("");
                String filename = media.path("filename").asString("");
                String label = switch (type) {
                    case "image" -> "(sent an image)";
                    case "audio" -> "(sent a voice message or audio)";
                    case "video" -> "(sent a video)";
                    case "sticker" -> "(sent a sticker)";
                    default -> filename.isBlank() ? "(sent a document)" : "(sent a document: " + filename + ")";
                };
                String mediaId = media.path("id").asString("");
                String text = caption.isBlank() ? label : label + " " + caption;
                yield mediaId.isBlank()
                        ? new Content(text, "WhatsApp sent no media id, so the file could not be fetched")
                        : new Content(text, null, new Media(mediaId, type, filename, media.path("mime_type").asString("")));
            }
            case "button" -> new Content(message.path("button").path("text").asString(""), null);
            case "interactive" -> {
                JsonNode interactive = message.path("interactive");
                String title = interactive.path("button_reply").path("title").asString(
                        interactive.path("list_reply").path("title").asString(""));
                yield new Content(title, null);
            }
            case "location" -> {
                JsonNode location = message.path("location");
                String place = (location.path("name").asString("") + " " + location.path("address").asString("")).strip();
                yield new Content("(shared a location: " + location.path("latitude").asString("?") + ", "
                        + location.path("longitude").asString("?") + (place.isBlank() ? "" : ", " + place) + ")", null);
            }
            case "reaction" -> new Content("(reacted " + message.path("reaction").path("emoji").asString("") + ")", null);
            default -> new Content("(sent a " + (type.isBlank() ? "WhatsApp" : type) + " message)",
                    "This kind of WhatsApp message is not supported yet; only its kind is shown");
        };
    }

    private void receiveStatuses(WhatsAppInboxes.Settings settings, JsonNode value) {
        for (JsonNode status : value.path("statuses")) {
            String id = status.path("id").asString("");
            String state = status.path("status").asString("");
            if (id.isBlank()) {
                continue;
            }
            Optional<Delivery> delivery = deliveries.byExternalId(settings.inbox().id(), HANDLE_PREFIX + id);
            if (delivery.isEmpty()) {
                log.debug("WhatsApp status {} for unknown message {}", state, id);
                continue;
            }
            if ("failed".equals(state) && delivery.get().state() != DeliveryState.FAILED) {
                JsonNode error = status.path("errors").path(0);
                String title = error.path("title").asString(error.path("message").asString("no reason given"));
                String details = error.path("error_data").path("details").asString("");
                deliveries.attemptFailed(delivery.get(), "WhatsApp could not deliver the message: " + title
                        + (details.isBlank() || details.equals(title) ? "" : " (" + details + ")"), null);
            }
            if ("delivered".equals(state)) {
                deliveries.progressed(delivery.get(), DeliveryState.DELIVERED);
            } else if ("read".equals(state)) {
                deliveries.progressed(delivery.get(), DeliveryState.READ);
            }
            // sent: the delivery is SENT already (Meta accepted the message).
        }
    }
}
