package dev.parley.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything Parley keeps about one contact that the contact could ask for (GDPR access): their details and every
 * conversation with what they saw of it. Internal notes are not part of it: they are the team's, not the customer's.
 */
public record ContactExport(Instant exportedAt, Person contact, List<ConversationRecord> conversations) {

    public record Person(UUID id, String name, String email, String phone, List<ContactHandle> handles,
            Instant createdAt) {
    }

    public record ConversationRecord(UUID id, String channel, UUID inboxId, String inboxName, String status,
            String subject, Instant createdAt, Instant resolvedAt, List<MessageRecord> messages, Rating csat) {
    }

    public record MessageRecord(String authorType, String authorName, String text, Instant at) {
    }

    public record Rating(int rating, String comment, Instant at) {
    }
}
