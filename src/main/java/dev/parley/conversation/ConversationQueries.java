package dev.parley.conversation;

import dev.parley.conversation.internal.ConversationSearch;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Read-only lists of conversations for inboxes and APIs: filter, search, count and page. */
@Service
public class ConversationQueries {

    private final ConversationSearch search;
    private final dev.parley.conversation.internal.TagRepository tags;

    ConversationQueries(ConversationSearch search, dev.parley.conversation.internal.TagRepository tags) {
        this.search = search;
        this.tags = tags;
    }

    /** One page of conversations, each with its tags; the total as {@link #count} gives it. */
    public Page<ConversationSummary> find(ConversationFilter filter, int page, int size) {
        int limit = Math.clamp(size, 1, 200);
        int current = Math.max(0, page);
        List<ConversationSummary> found = search.find(filter, (long) current * limit, limit);
        var tagged = tags.of(found.stream().map(s -> s.conversation().id()).toList());
        List<ConversationSummary> items = found.stream()
                .map(s -> s.withTags(tagged.getOrDefault(s.conversation().id(), List.of()))).toList();
        return new Page<>(items, current, limit, search.count(filter));
    }

    /** How many conversations the filter matches; a total of 10,000 or more may be up to 30 seconds old. */
    public long count(ConversationFilter filter) {
        return search.count(filter);
    }

    /** The contact's other conversations, on any channel, newest first ({@code excludeId} left out). */
    public List<Conversation> ofContact(UUID contactId, UUID excludeId, int limit) {
        return contactId == null ? List.of() : search.ofContact(contactId, excludeId, Math.clamp(limit, 1, 100));
    }

    /** How many conversations each agent holds in the given statuses, for capacity decisions. */
    public long countAssigned(UUID assigneeId, java.util.Set<ConversationStatus> statuses) {
        return search.countAssigned(assigneeId, statuses);
    }

    /** Assigned conversations of one agent in the given statuses, oldest escalation first. */
    public List<Conversation> assignedTo(UUID assigneeId, java.util.Set<ConversationStatus> statuses) {
        return search.assignedTo(assigneeId, statuses);
    }

    /**
     * Conversations in the statuses nothing has happened to since before {@code before}, longest idle first; with
     * {@code after} (the last one of a page read before, or null) those after it in that order.
     */
    public List<Conversation> idleSince(java.util.Set<ConversationStatus> statuses, java.time.Instant before,
            Conversation after, int limit) {
        return search.idleSince(statuses, before, after, Math.clamp(limit, 1, 500));
    }

    /** Conversations in the statuses resolved before {@code before}, oldest resolution first; {@code after} as above. */
    public List<Conversation> resolvedBefore(java.util.Set<ConversationStatus> statuses, java.time.Instant before,
            Conversation after, int limit) {
        return search.resolvedBefore(statuses, before, after, Math.clamp(limit, 1, 500));
    }

    /** How long people took from escalation to resolution on recently resolved conversations, in seconds. */
    public List<Long> recentHandleTimes(int limit) {
        return search.recentHandleTimes(Math.clamp(limit, 1, 1000));
    }
}
