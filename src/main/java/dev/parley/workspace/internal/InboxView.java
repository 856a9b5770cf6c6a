package dev.parley.workspace.internal;

import dev.parley.conversation.ConversationFilter;
import dev.parley.conversation.ConversationStatus;
import dev.parley.shared.ApiException;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** The inbox's standing views; each narrows a filter before the agent's own filters apply. */
public enum InboxView {
    MINE, UNASSIGNED, ESCALATED, ALL;

    public ConversationFilter narrow(ConversationFilter filter, UUID me) {
        boolean statusChosen = filter.statuses() != null && !filter.statuses().isEmpty();
        return switch (this) {
            case MINE -> (statusChosen ? filter : filter.withStatuses(AgentCapacity.LOAD)).withAssignee(me, false);
            case UNASSIGNED -> (statusChosen ? filter : filter.withStatuses(AgentCapacity.NEEDS_PERSON))
                    .withAssignee(null, true);
            case ESCALATED -> statusChosen ? filter : filter.withStatuses(Set.of(ConversationStatus.ESCALATED));
            case ALL -> filter;
        };
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InboxView parse(String value) {
        if (value == null || value.isBlank()) {
            return MINE;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("view must be one of mine, unassigned, escalated, all");
        }
    }
}
