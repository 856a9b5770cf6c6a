package dev.parley.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * Where conversations arrive: one configured channel instance, such as "Website chat" or "support@acme.com".
 * The channel module keeps the channel's own settings (credentials, poll state) under the same id.
 */
public record Inbox(UUID id, String channelType, String name, String address, AssistantMode assistantMode,
        boolean enabled, Instant createdAt) {
}
