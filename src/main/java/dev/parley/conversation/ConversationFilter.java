package dev.parley.conversation;

import java.util.Set;
import java.util.UUID;

/**
 * Which conversations to list. Empty or {@code null} fields do not filter. {@code text} matches the
 * subject, the customer's name or email and any message, case-insensitively.
 */
public record ConversationFilter(Set<ConversationStatus> statuses, Priority priority, String channel,
        UUID assigneeId, boolean unassignedOnly, UUID teamId, String text, Sort sort, UUID inboxId) {

    /** Longest-waiting customer first (the inbox default), or most recently updated first. */
    public enum Sort {
        WAITING_LONGEST, RECENTLY_UPDATED
    }

    public static ConversationFilter all() {
        return new ConversationFilter(Set.of(), null, null, null, false, null, null, Sort.WAITING_LONGEST, null);
    }

    public ConversationFilter withStatuses(Set<ConversationStatus> newStatuses) {
        return new ConversationFilter(newStatuses, priority, channel, assigneeId, unassignedOnly, teamId, text, sort,
                inboxId);
    }

    public ConversationFilter withText(String newText) {
        return new ConversationFilter(statuses, priority, channel, assigneeId, unassignedOnly, teamId, newText, sort,
                inboxId);
    }

    public ConversationFilter withInbox(UUID newInbox) {
        return new ConversationFilter(statuses, priority, channel, assigneeId, unassignedOnly, teamId, text, sort,
                newInbox);
    }

    public ConversationFilter withAssignee(UUID newAssignee, boolean unassigned) {
        return new ConversationFilter(statuses, priority, channel, newAssignee, unassigned, teamId, text, sort, inboxId);
    }
}
