package dev.parley.workspace.internal;

import dev.parley.conversation.ConversationFilter;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Priority;
import dev.parley.shared.ApiException;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The inbox's query parameters as the pages and the REST API take them, parsed strictly: an unknown status,
 * priority, sort or id is a 400, never silently ignored. {@code assignee} is an agent id, {@code me} or {@code none};
 * {@code sort} one of those {@link #parseSort} names.
 */
public record InboxQuery(String view, String status, String priority, String channel, String assignee,
        String team, String q, String inbox, String category, String tag, String sort) {

    public ConversationFilter filter(UUID me) {
        ConversationFilter base = new ConversationFilter(
                status == null || status.isBlank() ? Set.of() : Set.of(parseStatus(status)),
                priority == null || priority.isBlank() ? null : parsePriority(priority),
                blankToNull(channel), null, false, parseId(team, "team"), blankToNull(q),
                parseSort(sort), parseId(inbox, "inbox"), blankToNull(category),
                blankToNull(tag));
        if (assignee != null && !assignee.isBlank()) {
            base = switch (assignee.strip().toLowerCase(Locale.ROOT)) {
                case "me" -> base.withAssignee(me, false);
                case "none" -> base.withAssignee(null, true);
                default -> base.withAssignee(parseId(assignee, "assignee"), false);
            };
        }
        return base;
    }

    public InboxView inboxView() {
        return InboxView.parse(view);
    }

    /** {@code waiting} (longest waiting first, the default), {@code newest} or {@code activity} (latest first). */
    static ConversationFilter.Sort parseSort(String value) {
        if (value == null || value.isBlank()) {
            return ConversationFilter.Sort.WAITING_LONGEST;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "waiting" -> ConversationFilter.Sort.WAITING_LONGEST;
            case "newest" -> ConversationFilter.Sort.NEWEST;
            case "activity" -> ConversationFilter.Sort.LATEST_ACTIVITY;
            default -> throw ApiException.badRequest("sort must be one of [waiting, newest, activity]");
        };
    }

    public static ConversationStatus parseStatus(String value) {
        try {
            return ConversationStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status must be one of " + java.util.Arrays.toString(ConversationStatus.values()));
        }
    }

    public static Priority parsePriority(String value) {
        try {
            return Priority.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("priority must be one of " + java.util.Arrays.toString(Priority.values()));
        }
    }

    static UUID parseId(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field + " must be an id");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
