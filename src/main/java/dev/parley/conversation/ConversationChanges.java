package dev.parley.conversation;

import java.util.UUID;

/** Fields to change on a conversation; {@code null} leaves a field as it is, the clear flags empty it. */
public record ConversationChanges(Priority priority, String category, UUID assigneeId, boolean clearAssignee,
        UUID teamId, boolean clearTeam) {

    public static ConversationChanges priority(Priority priority) {
        return new ConversationChanges(priority, null, null, false, null, false);
    }

    public static ConversationChanges assignee(UUID assigneeId) {
        return new ConversationChanges(null, null, assigneeId, assigneeId == null, null, false);
    }
}
