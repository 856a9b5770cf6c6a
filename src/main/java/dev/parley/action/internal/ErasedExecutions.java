package dev.parley.action.internal;

import dev.parley.conversation.ConversationEvents.ContactErased;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a contact is erased, the action calls made in their conversations lose what the customer gave and got:
 * inputs, outputs, the answer and the error text become {@code (erased)} (or stay empty); the idempotency key (a
 * hash of the inputs) goes too, and a question still waiting for an answer is dropped. Action, status, HTTP status,
 * latency and time stay, so the action's figures are unchanged. Running twice is harmless.
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
        if (event.conversationIds().isEmpty()) {
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
                .param("erased", ERASED).param("ids", event.conversationIds()).update();
        jdbc.sql("DELETE FROM action_pending WHERE conversation_id IN (:ids)")
                .param("ids", event.conversationIds()).update();
    }
}
