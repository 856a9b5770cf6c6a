package dev.parley.knowledge.help;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.ConversationEvents.ReplyPosted;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.SourceRef;
import dev.parley.knowledge.internal.ArticleCitationRepository;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts how often the assistant answered with each article: every source of every assistant reply, once
 * per message (a redelivered event does not count twice). Runs after the reply commits, in its own
 * transaction, so a failure here never undoes the reply.
 */
@Component
class AssistantCitations {

    private final Conversations conversations;
    private final ArticleCitationRepository citations;

    AssistantCitations(Conversations conversations, ArticleCitationRepository citations) {
        this.conversations = conversations;
        this.citations = citations;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(ReplyPosted event) {
        if (event.authorType() != AuthorType.ASSISTANT || event.internal()) {
            return;
        }
        conversations.message(event.messageId()).ifPresent(message -> message.sources().stream()
                .map(SourceRef::articleId).filter(Objects::nonNull).distinct()
                .forEach(articleId -> citations.cite(articleId, message.id(), event.at())));
    }
}
