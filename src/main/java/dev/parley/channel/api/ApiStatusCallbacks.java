package dev.parley.channel.api;

import dev.parley.conversation.Contacts;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationEvents.ConversationStatusChanged;
import dev.parley.conversation.Conversations;
import dev.parley.events.OutboundListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells an API inbox's integrator when one of its conversations changes status (escalated to a person, resolved,
 * reopened…): a signed {@code conversation.status_changed} event to the callback URL, with an event id that stays
 * the same on retries. A 4xx (other than 408/429) is dropped with a warning; an outage fails the listener, which is
 * run again later.
 */
@Component
class ApiStatusCallbacks {

    static final String EVENT = "conversation.status_changed";
    private static final Logger log = LoggerFactory.getLogger(ApiStatusCallbacks.class);

    private final Conversations conversations;
    private final Contacts contacts;
    private final ApiInboxes inboxes;
    private final CallbackPoster poster;
    private final JsonMapper json;
    private final Clock clock;

    ApiStatusCallbacks(Conversations conversations, Contacts contacts, ApiInboxes inboxes, CallbackPoster poster,
            JsonMapper json, Clock clock) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.inboxes = inboxes;
        this.poster = poster;
        this.json = json;
        this.clock = clock;
    }

    /** Only API-channel conversations have a callback; others get no publication (ADR 0022). */
    @OutboundListener(condition = "#event.channel() == 'api'")
    void on(ConversationStatusChanged event) throws IOException {
        Optional<Conversation> conversation = conversations.find(event.conversationId())
                .filter(c -> ApiInboxes.CHANNEL.equals(c.channel()));
        if (conversation.isEmpty()) {
            return;
        }
        Conversation c = conversation.get();
        Optional<ApiInboxes.Settings> settings = inboxes.settings(c.inboxId());
        if (settings.isEmpty()) {
            return;
        }
        UUID eventId = UUID.nameUUIDFromBytes((event.conversationId() + "|" + event.to() + "|" + event.at())
                .getBytes(StandardCharsets.UTF_8));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("event", EVENT);
        body.put("inboxId", c.inboxId());
        body.put("conversationId", c.id());
        body.put("contactId", ApiChannel.contactId(contacts.find(c.contactId()).orElse(null), c.inboxId()));
        body.put("from", event.from().name());
        body.put("status", event.to().name());
        body.put("at", event.at().toString());
        byte[] raw = json.writeValueAsBytes(body);
        CallbackPoster.Answer answer = poster.post(settings.get().callbackUrl(), raw, Signatures.eventHeaders(
                settings.get().signingSecret(), clock.instant().getEpochSecond(), raw, eventId.toString(), EVENT));
        if (answer.ok()) {
            return;
        }
        if (answer.permanent()) {
            log.warn("The callback of API inbox {} refused the status change of {} with {}: dropped", c.inboxId(),
                    c.id(), answer.status());
            return;
        }
        throw new IOException("The callback of API inbox " + c.inboxId() + " answered " + answer.status());
    }
}
