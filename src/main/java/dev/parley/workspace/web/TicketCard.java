package dev.parley.workspace.web;

import dev.parley.conversation.ConversationMerge;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Tags;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the ticket card shows; the conversation page, its live side panel and the card's own forms fill it alike. */
@Component
class TicketCard {

    private final Conversations conversations;
    private final Tags tags;
    private final ConversationQueries queries;
    private final ConversationMerge merges;

    TicketCard(Conversations conversations, Tags tags, ConversationQueries queries, ConversationMerge merges) {
        this.conversations = conversations;
        this.tags = tags;
        this.queries = queries;
        this.merges = merges;
    }

    void fill(UUID id, Model model) {
        var conversation = conversations.get(id);
        model.addAttribute("conversation", conversation);
        model.addAttribute("categories", conversations.categories());
        model.addAttribute("tags", tags.of(id));
        model.addAttribute("tagCatalogue", tags.catalogue());
        model.addAttribute("mergedInto", merges.mergedInto(id).orElse(null));
        model.addAttribute("mergeCandidates", queries.ofContact(conversation.contactId(), id, 20).stream()
                .filter(c -> c.status() != ConversationStatus.CLOSED).toList());
    }
}
