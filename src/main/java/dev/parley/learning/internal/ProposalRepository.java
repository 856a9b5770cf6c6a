package dev.parley.learning.internal;

import dev.parley.encryption.EncryptedColumn;
import dev.parley.encryption.Encryption;
import dev.parley.learning.FlagReason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The learning queue's rows. The customer's question, the answer and the agent's note are stored sealed (issue 17)
 * and opened here; nothing selects, groups or sorts by them in SQL. Kind, state, article id and title stay plain.
 */
@Repository
public class ProposalRepository {

    static final String QUESTION_PURPOSE = "learning.proposal.question";
    static final String ANSWER_PURPOSE = "learning.proposal.answer";
    static final String NOTE_PURPOSE = "learning.proposal.note";

    private final JdbcClient jdbc;
    private final Encryption encryption;

    ProposalRepository(JdbcClient jdbc, Encryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    @Bean
    static EncryptedColumn learningQuestionColumn() {
        return EncryptedColumn.of("learning_proposal", "id", "question", QUESTION_PURPOSE);
    }

    @Bean
    static EncryptedColumn learningAnswerColumn() {
        return EncryptedColumn.of("learning_proposal", "id", "answer", ANSWER_PURPOSE);
    }

    @Bean
    static EncryptedColumn learningNoteColumn() {
        return EncryptedColumn.of("learning_proposal", "id", "note", NOTE_PURPOSE);
    }

    /** Stores a proposal unless one of its kind exists for the message; returns whether it was stored. */
    public boolean insert(Proposal p) {
        try {
            return jdbc.sql("""
                    INSERT INTO learning_proposal (id, kind, state, conversation_id, message_id, question, answer,
                        article_id, article_title, flag_reason, note, created_by, created_at)
                    VALUES (:id, :kind, :state, :conversation, :message, :question, :answer, :article, :title,
                        :reason, :note, :by, :at)""")
                    .param("id", p.id()).param("kind", p.kind().name()).param("state", p.state().name())
                    .param("conversation", p.conversationId()).param("message", p.messageId())
                    .param("question", encryption.encrypt(p.question(), QUESTION_PURPOSE))
                    .param("answer", encryption.encrypt(p.answer(), ANSWER_PURPOSE)).param("article", p.articleId())
                    .param("title", p.articleTitle()).param("reason", p.flagReason() == null ? null : p.flagReason().name())
                    .param("note", encryption.encrypt(p.note(), NOTE_PURPOSE)).param("by", p.createdBy()).param("at", time(p.createdAt())).update() > 0;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    public List<Proposal> open(int limit) {
        return jdbc.sql("SELECT * FROM learning_proposal WHERE state = 'OPEN' ORDER BY created_at, id FETCH FIRST :n ROWS ONLY")
                .param("n", limit).query(openedWith(encryption::decryptForList)).list();
    }

    public long countOpen() {
        return jdbc.sql("SELECT COUNT(*) FROM learning_proposal WHERE state = 'OPEN'").query(Long.class).single();
    }

    public Optional<Proposal> find(UUID id) {
        return jdbc.sql("SELECT * FROM learning_proposal WHERE id = :id").param("id", id)
                .query(openedWith(encryption::decrypt)).optional();
    }

    public List<Proposal> ofConversation(UUID conversationId) {
        return jdbc.sql("SELECT * FROM learning_proposal WHERE conversation_id = :c ORDER BY created_at")
                .param("c", conversationId).query(openedWith(encryption::decryptForList)).list();
    }

    /** Decides an open proposal; false when someone else decided it first. */
    public boolean decide(UUID id, Proposal.State state, UUID by, Instant at) {
        return jdbc.sql("""
                UPDATE learning_proposal SET state = :state, decided_by = :by, decided_at = :at
                WHERE id = :id AND state = 'OPEN'""")
                .param("id", id).param("state", state.name()).param("by", by).param("at", time(at)).update() > 0;
    }

    /** Flags on AI answers in a period, by reason. */
    public Map<FlagReason, Long> flagsByReason(Instant from, Instant to) {
        Map<FlagReason, Long> counts = new EnumMap<>(FlagReason.class);
        jdbc.sql("""
                SELECT flag_reason, COUNT(*) AS n FROM learning_proposal
                WHERE kind = 'FLAG' AND created_at >= :from AND created_at < :to GROUP BY flag_reason""")
                .param("from", time(from)).param("to", time(to))
                .query((rs, i) -> counts.put(FlagReason.valueOf(rs.getString("flag_reason")), rs.getLong("n"))).list();
        return counts;
    }

    /**
     * Strictly for a proposal that is acted on (an accepted answer becomes an article as stored); leniently for the
     * lists people read, where a value that cannot be opened reads as unreadable instead of failing the list.
     */
    private RowMapper<Proposal> openedWith(BiFunction<String, String, String> open) {
        return (rs, row) -> map(rs, open);
    }

    private static Proposal map(ResultSet rs, BiFunction<String, String, String> open) throws SQLException {
        String reason = rs.getString("flag_reason");
        return new Proposal(rs.getObject("id", UUID.class), Proposal.Kind.valueOf(rs.getString("kind")),
                Proposal.State.valueOf(rs.getString("state")), rs.getObject("conversation_id", UUID.class),
                rs.getObject("message_id", UUID.class), open.apply(rs.getString("question"), QUESTION_PURPOSE),
                open.apply(rs.getString("answer"), ANSWER_PURPOSE),
                rs.getString("article_id"), rs.getString("article_title"),
                reason == null ? null : FlagReason.valueOf(reason), open.apply(rs.getString("note"), NOTE_PURPOSE),
                rs.getObject("created_by", UUID.class), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime time(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

}
