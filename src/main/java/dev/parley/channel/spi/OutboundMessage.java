package dev.parley.channel.spi;

import dev.parley.conversation.Contact;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.Inbox;
import dev.parley.conversation.Message;
import java.util.List;

/**
 * A visible reply on its way out, with what a channel needs to address and thread it.
 *
 * @param contact who the conversation is with ({@code null} for an anonymous widget visitor)
 * @param threadKeys the conversation's thread keys in its inbox, oldest first (for email: the Message-IDs that
 *     go into References; the last one is what the reply answers)
 */
public record OutboundMessage(Message message, Inbox inbox, Conversation conversation, Contact contact,
        List<String> threadKeys) {
}
