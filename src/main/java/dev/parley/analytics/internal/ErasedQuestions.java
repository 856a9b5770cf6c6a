package dev.parley.analytics.internal;

import dev.parley.conversation.ConversationEvents.ContactErased;
import dev.parley.conversation.ConversationEvents.ConversationsExpired;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a contact is erased or conversations pass the retention period, the customer's words the projection kept for
 * top questions and knowledge gaps go too; the counts and times of those conversations stay, so the figures do not
 * change.
 */
@Component
class ErasedQuestions {

    private final JdbcClient jdbc;

    ErasedQuestions(JdbcClient jdbc) {
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
                UPDATE analytics_conversation SET first_question = NULL, last_question = NULL,
                    unanswered_question = NULL WHERE conversation_id IN (:ids)""")
                .param("ids", conversationIds).update();
    }
}
