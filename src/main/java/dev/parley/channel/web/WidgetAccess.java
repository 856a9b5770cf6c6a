package dev.parley.channel.web;

import dev.parley.channel.widget.WidgetConversationStore;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.VerifiedCustomers;
import dev.parley.shared.ApiException;
import dev.parley.shared.Secrets;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Opens a conversation for the widget's bearer token. A token lasts while the conversation is open and for
 * {@code parley.widget.token-ttl-after-close} after it was closed (counted from its last change, the close);
 * then it reads no transcript, opens no stream and changes no contact details. The widget starts a new
 * conversation on the 403. The token's hash is the web channel's own data ({@code widget_conversation}). A verified
 * customer's identity token opens every conversation that customer started verified, on any device.
 */
@Component
class WidgetAccess {

    private final Conversations conversations;
    private final WidgetConversationStore widgetConversations;
    private final WidgetSettings settings;
    private final Clock clock;
    private final WidgetIdentity identity;
    private final VerifiedCustomers verified;

    WidgetAccess(Conversations conversations, WidgetConversationStore widgetConversations,
            WidgetSettings settings, Clock clock, WidgetIdentity identity, VerifiedCustomers verified) {
        this.identity = identity;
        this.verified = verified;
        this.conversations = conversations;
        this.widgetConversations = widgetConversations;
        this.settings = settings;
        this.clock = clock;
    }

    Conversation authorize(UUID id, String authorization) {
        Conversation conversation = tokenHolder(id, BearerToken.from(authorization));
        if (conversation.status() == ConversationStatus.CLOSED
                && conversation.updatedAt().plus(settings.tokenTtlAfterClose()).isBefore(clock.instant())) {
            throw ApiException.forbidden("This conversation was closed and its token has expired; start a new one");
        }
        return conversation;
    }

    /**
     * The conversation the bearer token opens. A missing token is 401; a token of another conversation is 403, so
     * a token never opens any conversation but its own; a conversation that did not start in the widget is 404.
     */
    private Conversation tokenHolder(UUID id, String token) {
        if (token == null || token.isBlank()) {
            throw ApiException.unauthorized("A conversation token is required (Authorization: Bearer <token>)");
        }
        String hash = widgetConversations.tokenHash(id)
                .orElseThrow(() -> ApiException.notFound("Conversation " + id));
        if (WidgetIdentity.isSessionToken(token)) {
            String customerId = identity.session(token).orElseThrow(() -> ApiException.unauthorized(
                    "This identity token has expired; the site signs the customer in again")).customerId();
            if (!verified.startedBy(id, customerId)) {
                throw ApiException.forbidden("This identity does not grant access to conversation " + id);
            }
        } else if (!Secrets.matches(token, hash)) {
            throw ApiException.forbidden("This token does not grant access to conversation " + id);
        }
        return conversations.get(id);
    }
}
