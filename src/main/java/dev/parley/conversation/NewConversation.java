package dev.parley.conversation;

import java.util.UUID;

/**
 * What a channel knows when a customer starts talking: the inbox it arrived in (the website chat inbox when
 * {@code null}), who (found again as a contact by email address or visitor id), where from, and a category.
 * {@code verified} is the identity the host site signed for the customer, or {@code null} for anyone else.
 */
public record NewConversation(String channel, UUID inboxId, Customer customer, SourceDetails source,
        String category, VerifiedCustomer verified) {

    public NewConversation(String channel, UUID inboxId, Customer customer, SourceDetails source, String category) {
        this(channel, inboxId, customer, source, category, null);
    }

    public NewConversation(String channel, Customer customer, SourceDetails source, String category) {
        this(channel, null, customer, source, category);
    }
}
