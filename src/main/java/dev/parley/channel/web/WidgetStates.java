package dev.parley.channel.web;

import dev.parley.sla.OpeningHours;
import dev.parley.channel.web.WidgetResponses.State;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Reader;
import dev.parley.conversation.VerifiedCustomers;
import dev.parley.workspace.AgentAvailability;
import dev.parley.workspace.QueueStatus;
import dev.parley.workspace.WaitingQueue;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Builds the customer's view of a conversation: status, contact, read receipt and place in the queue. */
@Component
class WidgetStates {

    private final Conversations conversations;
    private final WaitingQueue queue;
    private final AgentAvailability availability;
    private final VerifiedCustomers verified;
    private final OpeningHours openingHours;

    WidgetStates(Conversations conversations, WaitingQueue queue, AgentAvailability availability,
            VerifiedCustomers verified, OpeningHours openingHours) {
        this.openingHours = openingHours;
        this.verified = verified;
        this.conversations = conversations;
        this.queue = queue;
        this.availability = availability;
    }

    State of(Conversation c) {
        Optional<QueueStatus> waiting = queue.status(c.id());
        Integer online = c.status() == ConversationStatus.ESCALATED ? availability.onlineCount() : null;
        return new State(c.id(), c.status().name(), c.customer().name(), c.customer().email(),
                conversations.readMarker(c.id(), Reader.AGENT),
                waiting.map(QueueStatus::position).orElse(null),
                waiting.map(QueueStatus::estimatedWaitSeconds).orElse(null),
                waiting.map(QueueStatus::agentsOnline).orElse(online),
                verified.ofConversation(c.id()).isPresent(),
                c.status() == ConversationStatus.ESCALATED ? openingHours.awayNotice(c.teamId()).orElse(null) : null);
    }
}
