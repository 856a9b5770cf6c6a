package dev.parley.analytics.internal;

import dev.parley.encryption.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The customer's questions the projection keeps for top questions and knowledge gaps, sealed (issue 17): one
 * purpose for the three columns, since the projection copies the last question into the gap in SQL. Grouping and the
 * CSV export open them in the application; key rotation re-seals them in the background.
 */
@Configuration(proxyBeanMethods = false)
class QuestionColumns {

    static final String PURPOSE = "analytics.question";

    @Bean
    static EncryptedColumn analyticsFirstQuestionColumn() {
        return EncryptedColumn.of("analytics_conversation", "conversation_id", "first_question", PURPOSE);
    }

    @Bean
    static EncryptedColumn analyticsLastQuestionColumn() {
        return EncryptedColumn.of("analytics_conversation", "conversation_id", "last_question", PURPOSE);
    }

    @Bean
    static EncryptedColumn analyticsUnansweredQuestionColumn() {
        return EncryptedColumn.of("analytics_conversation", "conversation_id", "unanswered_question", PURPOSE);
    }
}
