package dev.parley.analytics.internal;

import dev.parley.conversation.ConversationEvents.ContactErased;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a contact is erased, the customer's words the projection kept for top questions and knowledge gaps go too;
 * the counts and times of those conversations stay, so the figures do not change.
 */
@Component
class ErasedQuestions {

    private final JdbcClient jdbc;

    ErasedQuestions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(ContactErased event) {
        if (event.conversationIds().isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE analytics_conversation SET first_question = NULL, last_question = NULL,
                    unanswered_question = NULL WHERE conversation_id IN (:ids)""")
                .param("ids", event.conversationIds()).update();
    }
}
