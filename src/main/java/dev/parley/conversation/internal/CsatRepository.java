package dev.parley.conversation.internal;

import static dev.parley.conversation.internal.ConversationRepository.instant;
import static dev.parley.conversation.internal.ConversationRepository.toTimestamp;

import dev.parley.conversation.CsatRating;
import dev.parley.conversation.PersonalTexts;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** CSAT ratings; the primary key on the conversation makes it one rating per conversation. Comments are sealed. */
@Repository
public class CsatRepository {

    private final JdbcClient jdbc;
    private final PersonalTexts texts;

    public CsatRepository(JdbcClient jdbc, PersonalTexts texts) {
        this.jdbc = jdbc;
        this.texts = texts;
    }

    /** Stores the rating; false when the conversation was already rated. */
    public boolean insert(CsatRating rating) {
        try {
            jdbc.sql("INSERT INTO csat_rating (conversation_id, rating, comment, created_at) VALUES (:c, :r, :comment, :at)")
                    .param("c", rating.conversationId()).param("r", rating.rating())
                    .param("comment", texts.seal(rating.comment(), PersonalTexts.CSAT_COMMENT)).param("at", toTimestamp(rating.createdAt()))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public Optional<CsatRating> find(UUID conversationId) {
        return jdbc.sql("SELECT conversation_id, rating, comment, created_at FROM csat_rating WHERE conversation_id = :c")
                .param("c", conversationId)
                .query((rs, row) -> new CsatRating(rs.getObject("conversation_id", UUID.class), rs.getInt("rating"),
                        texts.open(rs.getString("comment"), PersonalTexts.CSAT_COMMENT), instant(rs, "created_at")))
                .optional();
    }
}
