package dev.parley.channel.web;

import dev.parley.channel.web.WidgetResponses.State;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.EscalationReason;
import dev.parley.shared.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The widget's "Talk to a person" button: hands the chat to people with the reason {@code HUMAN_REQUESTED}, as
 * asking the assistant for a person does. Pressing it again, or once a person has the chat, changes nothing.
 */
@RestController
@Tag(name = "Widget")
class WidgetHandoffApi {

    private final Conversations conversations;
    private final WidgetAccess access;
    private final WidgetStates states;
    private final WidgetEntrySettings settings;

    WidgetHandoffApi(Conversations conversations, WidgetAccess access, WidgetStates states,
            WidgetEntrySettings settings) {
        this.conversations = conversations;
        this.access = access;
        this.states = states;
        this.settings = settings;
    }

    @PostMapping("/api/v1/widget/conversations/{id}/handoff")
    @Operation(summary = "The customer asks for a person (the Talk to a person button)",
            description = "409 when the conversation is resolved or closed (a new message starts again); "
                    + "403 when parley.widget.talk-to-person is off")
    State handoff(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (!settings.talkToPerson()) {
            throw ApiException.forbidden("Talking to a person from the chat is turned off on this site");
        }
        Conversation conversation = access.authorize(id, authorization);
        ConversationStatus status = conversation.status();
        if (status == ConversationStatus.RESOLVED || status == ConversationStatus.CLOSED) {
            throw ApiException.conflict("This conversation has ended; write a new message to start again");
        }
        if (status.handledByAssistant()) {
            conversation = conversations.escalate(id, EscalationReason.HUMAN_REQUESTED, null);
        }
        return states.of(conversation);
    }
}
