package dev.parley.conversation;

import java.util.List;
import java.util.UUID;

/**
 * A customer message as any channel received it: the one way inbound messages enter the conversation module.
 *
 * @param inboxId the inbox it arrived in
 * @param from the contact's handles (email address, phone, visitor id); the first known one finds the contact
 * @param contactName the name the channel saw, if any
 * @param externalId the channel's id of the message (an email's Message-ID): the same id is stored once
 * @param threadKeys keys that find an existing conversation in this inbox (In-Reply-To and References ids, a
 *     ticket token); the external id becomes a thread key of the conversation too
 * @param conversationId the conversation when the channel already knows it, else {@code null}
 * @param subject the subject of a new conversation, if the channel has one
 * @param warning shown to agents beside the message (e.g. "could not be parsed; kept as received")
 */
public record InboundMessage(UUID inboxId, List<ContactHandle> from, String contactName, String externalId,
        List<String> threadKeys, UUID conversationId, String subject, String text, List<InboundAttachment> attachments,
        String warning) {

    public InboundMessage {
        from = from == null ? List.of() : List.copyOf(from);
        threadKeys = threadKeys == null ? List.of() : threadKeys.stream().filter(k -> k != null && !k.isBlank())
                .map(k -> k.length() > 500 ? k.substring(0, 500) : k).distinct().toList();
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        if (inboxId == null) {
            throw new IllegalArgumentException("An inbound message needs its inbox");
        }
    }
}
