package dev.parley.channel.api;

import dev.parley.channel.spi.ChannelAdapter;
import dev.parley.channel.spi.ChannelFactory;
import dev.parley.channel.spi.DeliveryFailure;
import dev.parley.channel.spi.DeliveryReceipt;
import dev.parley.channel.spi.OutboundMessage;
import dev.parley.conversation.Inbox;
import dev.parley.encryption.EncryptedColumn;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API channel: a reply is POSTed to the inbox's callback URL as a signed {@code message.created} event; a 2xx
 * answer is delivered, a 4xx (other than 408/429) fails for good, anything else is retried with back-off.
 */
@Component
class ApiChannel implements ChannelFactory {

    private final ApiInboxes inboxes;
    private final CallbackPoster poster;
    private final JsonMapper json;
    private final Clock clock;

    ApiChannel(ApiInboxes inboxes, CallbackPoster poster, JsonMapper json, Clock clock) {
        this.inboxes = inboxes;
        this.poster = poster;
        this.json = json;
        this.clock = clock;
    }

    @Bean
    static EncryptedColumn apiInboxSigningSecretColumn() {
        return EncryptedColumn.of("api_inbox", "inbox_id", "signing_secret", ApiInboxes.SECRET_PURPOSE);
    }

    @Override
    public String id() {
        return ApiInboxes.CHANNEL;
    }

    @Override
    public ChannelAdapter create(Inbox inbox) {
        return outbound -> {
            ApiInboxes.Settings settings = inboxes.settings(inbox.id()).orElseThrow(() -> DeliveryFailure.permanent(
                    "The API inbox " + inbox.name() + " has no callback URL"));
            byte[] body = json.writeValueAsBytes(event(outbound));
            long now = clock.instant().getEpochSecond();
            try {
                CallbackPoster.Answer answer = poster.post(settings.callbackUrl(), body, Signatures.eventHeaders(
                        settings.signingSecret(), now, body, outbound.message().id().toString(), "message.created"));
                if (answer.ok()) {
                    return DeliveryReceipt.delivered();
                }
                String reason = "The callback answered " + answer.status() + ": " + answer.snippet().strip();
                throw new DeliveryFailure(reason.length() > 300 ? reason.substring(0, 300) : reason,
                        answer.permanent(), null);
            } catch (IOException e) {
                throw DeliveryFailure.transientFailure("The callback could not be reached: " + e.getMessage(), e);
            }
        };
    }

    private static Map<String, Object> event(OutboundMessage outbound) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", outbound.message().id());
        message.put("authorType", outbound.message().authorType().name());
        message.put("authorName", outbound.message().authorName());
        message.put("text", outbound.message().text());
        message.put("createdAt", outbound.message().createdAt().toString());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", outbound.message().id());
        event.put("event", "message.created");
        event.put("inboxId", outbound.inbox().id());
        event.put("conversationId", outbound.conversation().id());
        event.put("status", outbound.conversation().status().name());
        event.put("contactId", contactId(outbound.contact(), outbound.inbox().id()));
        event.put("message", message);
        return event;
    }

    /** The integrator's own id of the contact (the EXTERNAL handle {@code <inbox id>:<contactId>}); null if none. */
    static String contactId(dev.parley.conversation.Contact contact, java.util.UUID inboxId) {
        return contact == null ? null : contact.handles().stream()
                .filter(h -> h.kind() == dev.parley.conversation.ContactHandle.Kind.EXTERNAL
                        && h.value().startsWith(inboxId + ":"))
                .map(h -> h.value().substring(inboxId.toString().length() + 1)).findFirst().orElse(null);
    }
}
