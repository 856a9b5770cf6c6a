package dev.parley.action.internal;

import dev.parley.conversation.ConversationEvents.ContactErased;
import dev.parley.conversation.ConversationEvents.ConversationsExpired;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a contact is erased or conversations pass the retention period, the action calls made in those conversations
 * lose what the customer gave and got: inputs, outputs, the answer and the error text become {@code (erased)} (or
 * stay empty); the idempotency key (a hash of the inputs) goes too, and a question still waiting for an answer is
 * dropped. Action, status, HTTP status, latency and time stay, so the action's figures are unchanged. Running twice
 * is harmless.
 */
@Component
class ErasedExecutions {

    private static final String ERASED = "(erased)";

    private final JdbcClient jdbc;

    ErasedExecutions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(ContactErased event) {
        erase(event.conversationIds());
    }

    @ApplicationModuleListener
    void on(ConversationsExpired event) {
        erase(event.conversationIds());
    }

    private void erase(List<UUID> conversationIds) {
        if (conversationIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE action_execution SET
                    inputs = CASE WHEN inputs IS NULL THEN NULL ELSE :erased END,
                    outputs = CASE WHEN outputs IS NULL THEN NULL ELSE :erased END,
                    answer = CASE WHEN answer IS NULL THEN NULL ELSE :erased END,
                    error = CASE WHEN error IS NULL THEN NULL ELSE :erased END,
                    idempotency_key = NULL
                WHERE conversation_id IN (:ids)""")
                .param("erased", ERASED).param("ids", conversationIds).update();
        jdbc.sql("DELETE FROM action_pending WHERE conversation_id IN (:ids)")
                .param("ids", conversationIds).update();
    }
}
