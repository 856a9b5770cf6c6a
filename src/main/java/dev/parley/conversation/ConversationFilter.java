package dev.parley.conversation;

import java.util.Set;
import java.util.UUID;

/**
 * Which conversations to list. Empty or {@code null} fields do not filter. {@code text} matches the
 * subject, the customer's name or email and any message, case-insensitively. {@code category} and {@code tag}
 * (a tag's name, any case) narrow to conversations filed under that category or carrying that tag.
 */
public record ConversationFilter(Set<ConversationStatus> statuses, Priority priority, String channel,
        UUID assigneeId, boolean unassignedOnly, UUID teamId, String text, Sort sort, UUID inboxId, String category,
        String tag) {

    /** No sort given is the inbox default, {@link Sort#WAITING_LONGEST}. */
    public ConversationFilter {
        sort = sort == null ? Sort.WAITING_LONGEST : sort;
    }

    /**
     * Longest-waiting customer first (the inbox default: since their last message, or since the start), newest
     * conversation first, or latest activity first (any change: a message, a status, an assignment).
     */
    public enum Sort {
        WAITING_LONGEST, NEWEST, LATEST_ACTIVITY
    }

    public static ConversationFilter all() {
        return new ConversationFilter(Set.of(), null, null, null, false, null, null, Sort.WAITING_LONGEST, null, null, null);
    }

    public ConversationFilter withStatuses(Set<ConversationStatus> newStatuses) {
        return new ConversationFilter(newStatuses, priority, channel, assigneeId, unassignedOnly, teamId, text, sort,
                inboxId, category, tag);
    }

    public ConversationFilter withText(String newText) {
        return new ConversationFilter(statuses, priority, channel, assigneeId, unassignedOnly, teamId, newText, sort,
                inboxId, category, tag);
    }

    public ConversationFilter withInbox(UUID newInbox) {
        return new ConversationFilter(statuses, priority, channel, assigneeId, unassignedOnly, teamId, text, sort,
                newInbox, category, tag);
    }

    public ConversationFilter withAssignee(UUID newAssignee, boolean unassigned) {
        return new ConversationFilter(statuses, priority, channel, newAssignee, unassigned, teamId, text, sort, inboxId,
                category, tag);
    }

    public ConversationFilter withSort(Sort newSort) {
        return new ConversationFilter(statuses, priority, channel, assigneeId, unassignedOnly, teamId, text, newSort,
                inboxId, category, tag);
    }

    public ConversationFilter withWorkflow(String newCategory, String newTag) {
        return new ConversationFilter(statuses, priority, channel, assigneeId, unassignedOnly, teamId, text, sort,
                inboxId, newCategory, newTag);
    }
}
