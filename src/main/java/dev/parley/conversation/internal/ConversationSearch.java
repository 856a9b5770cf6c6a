package dev.parley.conversation.internal;

import static dev.parley.conversation.internal.ConversationRepository.instant;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationFilter;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationSummary;
import dev.parley.conversation.PersonalTexts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Inbox queries over conversations and their messages, in SQL that runs on H2 and PostgreSQL. Texts are sealed, so
 * the text filter goes through {@link SearchTerms} and previews are opened and cut here.
 */
@Repository
public class ConversationSearch {

    /**
     * A page's conversations with their latest assistant confidence, preview and last customer message; the page itself
     * (filtered, ordered and cut) follows in parentheses, so the three look-ups run for its rows only, not for every
     * row an offset skips.
     */
    private static final String SUMMARY = """
            SELECT c.*,
              (SELECT m.confidence FROM message m WHERE m.conversation_id = c.id AND m.author_type = 'ASSISTANT'
                 ORDER BY m.seq DESC FETCH FIRST 1 ROWS ONLY) AS last_confidence,
              (SELECT m.body FROM message m WHERE m.conversation_id = c.id AND m.internal = FALSE
                 ORDER BY m.seq DESC FETCH FIRST 1 ROWS ONLY) AS last_body,
              (SELECT MAX(m.seq) FROM message m WHERE m.conversation_id = c.id AND m.author_type = 'CUSTOMER')
                 AS last_customer_seq
            FROM (""";

    static final int PREVIEW = 160;

    private final JdbcClient jdbc;
    private final ConversationRepository conversations;
    private final SearchTerms terms;
    private final PersonalTexts texts;
    private final LargeCounts largeCounts = new LargeCounts(10_000, Duration.ofSeconds(30), Ticker.systemTicker());

    public ConversationSearch(JdbcClient jdbc, ConversationRepository conversations, SearchTerms terms,
            PersonalTexts texts) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.terms = terms;
        this.texts = texts;
    }

    public List<ConversationSummary> find(ConversationFilter filter, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        String order = switch (filter.sort()) {
            // each on an index: waiting_since is COALESCE(last_customer_message_at, created_at)
            case WAITING_LONGEST -> " ORDER BY c.waiting_since ASC, c.id";
            case NEWEST -> " ORDER BY c.created_at DESC, c.id DESC";
            case LATEST_ACTIVITY -> " ORDER BY c.updated_at DESC, c.id DESC";
        };
        params.put("offset", offset);
        params.put("limit", limit);
        String page = "SELECT c.* FROM conversation c" + where + order
                + " OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY";
        return jdbc.sql(SUMMARY + page + ") c" + order)
                .params(params).query(this::summary).list();
    }

    /** How many conversations the filter matches; totals of 10,000 or more may be up to 30 seconds old. */
    public long count(ConversationFilter filter) {
        return largeCounts.count(filter, f -> {
            Map<String, Object> params = new HashMap<>();
            return jdbc.sql("SELECT COUNT(*) FROM conversation c" + where(f, params)).params(params)
                    .query(Long.class).single();
        });
    }

    /** A null {@code excludeId} excludes nothing (a typed placeholder: PostgreSQL cannot type a bare null). */
    public List<Conversation> ofContact(UUID contactId, UUID excludeId, int limit) {
        return jdbc.sql("""
                SELECT c.* FROM conversation c WHERE c.contact_id = :contact AND c.id <> :exclude
                ORDER BY c.created_at DESC, c.id FETCH FIRST :limit ROWS ONLY""")
                .param("contact", contactId).param("exclude", excludeId == null ? new UUID(0, 0) : excludeId).param("limit", limit)
                .query(conversations::map).list();
    }

    public long countAssigned(UUID assigneeId, Set<ConversationStatus> statuses) {
        Map<String, Object> params = new HashMap<>();
        params.put("assignee", assigneeId);
        params.put("statuses", names(statuses));
        return jdbc.sql("SELECT COUNT(*) FROM conversation WHERE assignee_id = :assignee AND status IN (:statuses)")
                .params(params).query(Long.class).single();
    }

    public List<Conversation> assignedTo(UUID assigneeId, Set<ConversationStatus> statuses) {
        Map<String, Object> params = new HashMap<>();
        params.put("assignee", assigneeId);
        params.put("statuses", names(statuses));
        return jdbc.sql("SELECT c.* FROM conversation c WHERE c.assignee_id = :assignee AND c.status IN (:statuses)"
                        + " ORDER BY COALESCE(c.escalated_at, c.created_at), c.id")
                .params(params).query(conversations::map).list();
    }

    /**
     * Conversations in the statuses with no change since before the cutoff, longest idle first; after {@code after}
     * in that order when it is given (a page's last conversation, to read on past it).
     */
    public List<Conversation> idleSince(Set<ConversationStatus> statuses, Instant before, Conversation after,
            int limit) {
        return due("updated_at", Conversation::updatedAt, statuses, before, after, limit);
    }

    /** Conversations in the statuses resolved before the cutoff, oldest resolution first; {@code after} as above. */
    public List<Conversation> resolvedBefore(Set<ConversationStatus> statuses, Instant before, Conversation after,
            int limit) {
        return due("resolved_at", Conversation::resolvedAt, statuses, before, after, limit);
    }

    /** Due conversations ordered by {@code column} and id; {@code key} reads that column from a conversation. */
    private List<Conversation> due(String column, Function<Conversation, Instant> key, Set<ConversationStatus> statuses,
            Instant before, Conversation after, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("statuses", names(statuses));
        params.put("before", before.atOffset(java.time.ZoneOffset.UTC));
        params.put("limit", limit);
        String past = "";
        Instant afterAt = after == null ? null : key.apply(after);
        if (afterAt != null) {
            past = " AND (c." + column + " > :afterAt OR (c." + column + " = :afterAt AND c.id > :afterId))";
            params.put("afterAt", afterAt.atOffset(java.time.ZoneOffset.UTC));
            params.put("afterId", after.id());
        }
        return jdbc.sql("SELECT c.* FROM conversation c WHERE c.status IN (:statuses) AND c." + column + " < :before"
                        + past + " ORDER BY c." + column + ", c.id FETCH FIRST :limit ROWS ONLY")
                .params(params).query(conversations::map).list();
    }

    public List<Long> recentHandleTimes(int limit) {
        return jdbc.sql("""
                SELECT escalated_at, resolved_at FROM conversation
                WHERE escalated_at IS NOT NULL AND resolved_at IS NOT NULL AND resolved_at >= escalated_at
                ORDER BY resolved_at DESC FETCH FIRST :limit ROWS ONLY""")
                .param("limit", limit)
                .query((rs, i) -> Duration.between(instant(rs, "escalated_at"), instant(rs, "resolved_at")).toSeconds())
                .list();
    }

    private String where(ConversationFilter filter, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            clauses.add("c.status IN (:statuses)");
            params.put("statuses", names(filter.statuses()));
        }
        if (filter.priority() != null) {
            clauses.add("c.priority = :priority");
            params.put("priority", filter.priority().name());
        }
        if (filter.channel() != null && !filter.channel().isBlank()) {
            clauses.add("c.channel = :channel");
            params.put("channel", filter.channel().strip());
        }
        if (filter.inboxId() != null) {
            clauses.add("c.inbox_id = :inbox");
            params.put("inbox", filter.inboxId());
        }
        if (filter.unassignedOnly()) {
            clauses.add("c.assignee_id IS NULL");
        } else if (filter.assigneeId() != null) {
            clauses.add("c.assignee_id = :assignee");
            params.put("assignee", filter.assigneeId());
        }
        if (filter.teamId() != null) {
            clauses.add("c.team_id = :team");
            params.put("team", filter.teamId());
        }
        if (filter.category() != null && !filter.category().isBlank()) {
            clauses.add("c.category = :category");
            params.put("category", filter.category().strip().toLowerCase(Locale.ROOT));
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            clauses.add("""
                    EXISTS (SELECT 1 FROM conversation_tag ct JOIN tag t ON t.id = ct.tag_id
                            WHERE ct.conversation_id = c.id AND t.name_key = :tag)""");
            params.put("tag", filter.tag().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            clauses.add(terms.condition(filter.text(), params));
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private static List<String> names(Set<ConversationStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }

    private ConversationSummary summary(ResultSet rs, int row) throws SQLException {
        Conversation conversation = conversations.mapForList(rs, row);
        double confidence = rs.getDouble("last_confidence");
        Double assistantConfidence = rs.wasNull() ? null : confidence;
        long lastCustomerSeq = rs.getLong("last_customer_seq");
        boolean unread = !rs.wasNull() && lastCustomerSeq > rs.getLong("agent_read_seq");
        return new ConversationSummary(conversation, assistantConfidence,
                preview(texts.openForList(rs.getString("last_body"), PersonalTexts.MESSAGE_BODY)), unread);
    }

    /** The first 160 characters, as {@code SUBSTRING(body, 1, 160)} cut them when bodies were plain. */
    static String preview(String body) {
        if (body == null || body.codePointCount(0, body.length()) <= PREVIEW) {
            return body;
        }
        return body.substring(0, body.offsetByCodePoints(0, PREVIEW));
    }

}
