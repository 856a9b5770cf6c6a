package dev.parley.learning.internal;

import dev.parley.conversation.ConversationEvents.ContactErased;
import dev.parley.conversation.ConversationEvents.ConversationsExpired;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a contact is erased or conversations pass the retention period, proposals built from their conversations
 * lose the customer's question, the answer and the agent's note; one still open is dismissed, since there is nothing
 * left to review. Accepted example questions
 * already belong to the knowledge base, where a supervisor chose and may have reworded them.
 */
@Component
class ErasedProposals {

    private static final String ERASED = "(erased)";

    private final JdbcClient jdbc;

    ErasedProposals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(ContactErased event) {
        erase(event.conversationIds(), event.at());
    }

    @ApplicationModuleListener
    void on(ConversationsExpired event) {
        erase(event.conversationIds(), event.at());
    }

    private void erase(List<UUID> conversationIds, Instant at) {
        if (conversationIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE learning_proposal SET
                    question = CASE WHEN question IS NULL THEN NULL ELSE :erased END,
                    answer = CASE WHEN answer IS NULL THEN NULL ELSE :erased END,
                    note = NULL,
                    decided_at = CASE WHEN state = 'OPEN' THEN :at ELSE decided_at END,
                    state = CASE WHEN state = 'OPEN' THEN 'DISMISSED' ELSE state END
                WHERE conversation_id IN (:ids)""")
                .param("erased", ERASED).param("at", at.atOffset(java.time.ZoneOffset.UTC))
                .param("ids", conversationIds).update();
    }
}
