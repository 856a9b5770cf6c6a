package dev.parley.channel.web;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.shared.ApiException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Opens a conversation for the widget's bearer token. A token lasts while the conversation is open and for
 * {@code parley.widget.token-ttl-after-close} after it was closed (counted from its last change, the close);
 * then it reads no transcript, opens no stream and changes no contact details. The widget starts a new
 * conversation on the 403.
 */
@Component
class WidgetAccess {

    private final Conversations conversations;
    private final WidgetSettings settings;
    private final Clock clock;

    WidgetAccess(Conversations conversations, WidgetSettings settings, Clock clock) {
        this.conversations = conversations;
        this.settings = settings;
        this.clock = clock;
    }

    Conversation authorize(UUID id, String authorization) {
        Conversation conversation = conversations.authorize(id, BearerToken.from(authorization));
        if (conversation.status() == ConversationStatus.CLOSED
                && conversation.updatedAt().plus(settings.tokenTtlAfterClose()).isBefore(clock.instant())) {
            throw ApiException.forbidden("This conversation was closed and its token has expired; start a new one");
        }
        return conversation;
    }
}
