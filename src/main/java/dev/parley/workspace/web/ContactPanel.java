package dev.parley.workspace.web;

import dev.parley.conversation.Contact;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.Inbox;
import dev.parley.conversation.SourceDetails;
import dev.parley.conversation.VerifiedCustomer;
import java.util.List;
import java.util.Locale;

/**
 * Who the customer is, for the conversation page: the contact with their handles, the inbox the conversation
 * arrived in, their other conversations and where a widget conversation started. {@code pageLink} is the page
 * URL only when it is an http(s) address (the widget reported it; it is shown, never trusted). {@code verified} is
 * the identity the host site signed for this conversation, {@code contactVerified} the latest one of the contact.
 */
record ContactPanel(Contact contact, Inbox inbox, List<Conversation> others, SourceDetails source, String pageLink,
        VerifiedCustomer verified, VerifiedCustomer contactVerified) {

    static ContactPanel of(Contact contact, Inbox inbox, List<Conversation> others, SourceDetails source,
            VerifiedCustomer verified, VerifiedCustomer contactVerified) {
        SourceDetails shown = source == null ? SourceDetails.none() : source;
        return new ContactPanel(contact, inbox, others, shown, webLink(shown.pageUrl()), verified, contactVerified);
    }

    public boolean hasSource() {
        return source.pageUrl() != null || source.referrer() != null || source.userAgent() != null;
    }

    static String webLink(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
    }
}
