package dev.parley.notification.internal;

import java.util.UUID;

/** What one agent wants to be told, and how. */
public record NotificationPreference(UUID agentId, boolean emailOnAssignment, boolean emailOnCustomerMessage,
        boolean browserNotifications, boolean sound, boolean emailOnMention) {

    /** The preferences with mention emails on, as they are until an agent turns them off. */
    public NotificationPreference(UUID agentId, boolean emailOnAssignment, boolean emailOnCustomerMessage,
            boolean browserNotifications, boolean sound) {
        this(agentId, emailOnAssignment, emailOnCustomerMessage, browserNotifications, sound, true);
    }

    /** Until an agent changes anything: emails and desktop notifications on, sound off. */
    public static NotificationPreference defaults(UUID agentId) {
        return new NotificationPreference(agentId, true, true, true, false, true);
    }
}
