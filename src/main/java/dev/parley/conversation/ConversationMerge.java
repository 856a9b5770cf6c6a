package dev.parley.conversation;

import dev.parley.conversation.ConversationEvents.ConversationStatusChanged;
import dev.parley.conversation.ConversationEvents.ConversationUpdated;
import dev.parley.conversation.ConversationEvents.ConversationsMerged;
import dev.parley.conversation.internal.ConversationRepository;
import dev.parley.conversation.internal.MergeRepository;
import dev.parley.conversation.internal.MessageRepository;
import dev.parley.shared.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges two conversations of the same contact (a customer who wrote twice about one problem): the source's
 * messages join the target's transcript in the order they were written, its tags and email thread go along, and
 * the source is closed with a note linking to the target.
 */
@Service
public class ConversationMerge {

    private final ConversationRepository conversations;
    private final MergeRepository merges;
    private final MessageRepository messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConversationMerge(ConversationRepository conversations, MergeRepository merges, MessageRepository messages,
            ApplicationEventPublisher events, Clock clock) {
        this.conversations = conversations;
        this.merges = merges;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** The conversation this one was merged into, if it was. */
    public Optional<UUID> mergedInto(UUID conversationId) {
        return merges.mergedInto(conversationId);
    }

    /** Merges {@code sourceId} into {@code targetId}; returns how many messages moved. */
    @Transactional
    public int merge(UUID sourceId, UUID targetId, UUID agentId, String agentName) {
        if (sourceId.equals(targetId)) {
            throw ApiException.badRequest("A conversation cannot be merged into itself");
        }
        // Both rows locked in one order, so two merges of the same pair cannot deadlock.
        boolean sourceFirst = sourceId.compareTo(targetId) < 0;
        Conversation first = locked(sourceFirst ? sourceId : targetId);
        Conversation second = locked(sourceFirst ? targetId : sourceId);
        Conversation source = sourceFirst ? first : second;
        Conversation target = sourceFirst ? second : first;
        if (source.contactId() == null || !source.contactId().equals(target.contactId())) {
            throw ApiException.conflict("Only conversations of the same contact can be merged");
        }
        if (merges.mergedInto(sourceId).isPresent()) {
            throw ApiException.conflict("Conversation " + sourceId + " was already merged");
        }
        if (merges.mergedInto(targetId).isPresent() || target.status() == ConversationStatus.CLOSED) {
            throw ApiException.conflict("Conversation " + targetId + " is closed; merge into an open one");
        }
        Instant now = clock.instant();
        int moved = merges.move(sourceId, targetId);
        merges.record(sourceId, targetId, agentId, moved, now);
        if (source.status() != ConversationStatus.CLOSED) {
            conversations.update(source.withStatus(ConversationStatus.CLOSED, now));
            events.publishEvent(new ConversationStatusChanged(sourceId, source.channel(), source.status(),
                    ConversationStatus.CLOSED, now));
        }
        String who = agentName == null ? "An agent" : agentName;
        note(sourceId, who + " merged this conversation into " + label(target) + " (" + moved + " messages moved).",
                now);
        note(targetId, who + " merged " + label(source) + " into this conversation: its " + moved
                + " messages are in this transcript by time.", now);
        events.publishEvent(new ConversationsMerged(sourceId, targetId, moved, agentId, now));
        events.publishEvent(new ConversationUpdated(sourceId, now));
        events.publishEvent(new ConversationUpdated(targetId, now));
        return moved;
    }

    private Conversation locked(UUID id) {
        return conversations.lock(id).orElseThrow(() -> ApiException.notFound("Conversation " + id));
    }

    private void note(UUID conversationId, String text, Instant now) {
        messages.insert(new Message(UUID.randomUUID(), 0, conversationId, AuthorType.SYSTEM, null, "Parley", text, true,
                null, null, null, List.of(), now));
    }

    private static String label(Conversation c) {
        return "\"" + (c.subject() == null ? "(no subject)" : c.subject()) + "\" (" + c.id() + ")";
    }
}
