package dev.parley.workspace.web;

import dev.parley.conversation.Contacts;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.Inboxes;
import dev.parley.conversation.VerifiedCustomers;
import org.springframework.stereotype.Component;

/** Builds the conversation page's contact panel. */
@Component
class ContactPanels {

    private static final int OTHER_CONVERSATIONS = 20;

    private final Contacts contacts;
    private final Inboxes inboxes;
    private final ConversationQueries queries;
    private final VerifiedCustomers verified;

    ContactPanels(Contacts contacts, Inboxes inboxes, ConversationQueries queries, VerifiedCustomers verified) {
        this.verified = verified;
        this.contacts = contacts;
        this.inboxes = inboxes;
        this.queries = queries;
    }

    ContactPanel of(Conversation c) {
        return ContactPanel.of(contacts.find(c.contactId()).orElse(null), inboxes.find(c.inboxId()).orElse(null),
                queries.ofContact(c.contactId(), c.id(), OTHER_CONVERSATIONS), c.source(),
                verified.ofConversation(c.id()).orElse(null), verified.ofContact(c.contactId()).orElse(null));
    }
}
