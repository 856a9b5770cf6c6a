package dev.parley.conversation;

import dev.parley.conversation.ConversationEvents.ReplyPosted;
import dev.parley.conversation.internal.ConversationRepository;
import dev.parley.conversation.internal.MessageRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Never silent: a customer message that goes to people rather than the assistant gets one short system notice —
 * the first message of each wait for a person (with the queue position or expected reply time), and a message that
 * reopens a conversation a person had resolved. Later messages of the same wait get no repeated notice.
 */
@Component
class CustomerNotices {

    static final String PASSED_BACK = "Thanks — I've passed your message back to our support team; a person will "
            + "reply here as soon as possible.";

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ApplicationEventPublisher events;
    private final WaitingNotice waiting;

    CustomerNotices(ConversationRepository conversations, MessageRepository messages, ApplicationEventPublisher events,
            ObjectProvider<WaitingNotice> waiting) {
        this.conversations = conversations;
        this.messages = messages;
        this.events = events;
        this.waiting = waiting.getIfAvailable(() -> conversation -> WaitingNotice.FALLBACK);
    }

    /** Inside the store transaction (the conversation is locked): the notice for this customer message, if one is due. */
    Optional<Message> after(ConversationStatus before, Conversation now, Message customerMessage) {
        String text = null;
        if (before == ConversationStatus.ESCALATED && conversations.claimWaitingNotice(now.id())) {
            text = waiting.text(now);
        } else if (before == ConversationStatus.RESOLVED && now.status() == ConversationStatus.IN_PROGRESS) {
            text = PASSED_BACK;
        }
        if (text == null) {
            return Optional.empty();
        }
        Instant at = customerMessage.createdAt();
        Message notice = messages.insert(new Message(UUID.randomUUID(), 0, now.id(), AuthorType.SYSTEM, null,
                "Support", text, false, null, customerMessage.id(), null, List.of(), at));
        events.publishEvent(ReplyPosted.of(notice, now.channel()));
        return Optional.of(notice);
    }
}
