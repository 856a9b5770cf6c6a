package dev.parley.knowledge.help;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.ConversationEvents.ReplyPosted;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Message;
import dev.parley.conversation.SourceRef;
import dev.parley.knowledge.internal.ArticleCitationRepository;
import java.util.List;
import java.util.Objects;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Counts how often the assistant answered with each article: every source of every assistant reply, once
 * per message (a retried event does not count twice). A module listener: after the reply commits, off the request
 * thread, in its own transaction; a failure never undoes the reply and is retried. The sources come with the
 * event (read back only for a publication stored by an earlier version, which did not carry them).
 */
@Component
class AssistantCitations {

    private final Conversations conversations;
    private final ArticleCitationRepository citations;

    AssistantCitations(Conversations conversations, ArticleCitationRepository citations) {
        this.conversations = conversations;
        this.citations = citations;
    }

    @ApplicationModuleListener(condition = "#event.authorType().name() == 'ASSISTANT' and !#event.internal()")
    void on(ReplyPosted event) {
        if (event.authorType() != AuthorType.ASSISTANT || event.internal()) {
            return;
        }
        List<SourceRef> sources = event.sources() != null ? event.sources()
                : conversations.message(event.messageId()).map(Message::sources).orElse(List.of());
        sources.stream().map(SourceRef::articleId).filter(Objects::nonNull).distinct()
                .forEach(articleId -> citations.cite(articleId, event.messageId(), event.at()));
    }
}
