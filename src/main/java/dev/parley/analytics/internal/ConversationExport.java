package dev.parley.analytics.internal;

import dev.parley.analytics.AnalyticsFilter;
import dev.parley.conversation.PersonalTexts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams conversations as CSV straight from a database cursor: rows are written as they are read,
 * so a million-row export needs no more memory than one batch of rows.
 */
@Component
public class ConversationExport {

    static final String[] HEADER = {"id", "created_at", "channel", "status", "priority", "category", "subject",
        "customer_name", "customer_email", "escalation_reason", "assignee_id", "team_id", "messages",
        "first_response_seconds", "resolution_seconds", "csat", "ai_resolution", "durable_resolution", "inbox_id",
        "handled_by_agent_id", "taken_over", "human_first_response_seconds", "queue_wait_seconds", "tags"};
    private static final String SQL = """
            SELECT c.id, c.created_at, c.channel, c.status, c.priority, c.category, c.subject, c.customer_name,
                c.customer_email, c.escalation_reason, c.assignee_id, c.team_id, f.messages,
                f.first_response_seconds, f.resolution_seconds, f.csat,
                CASE WHEN f.ai_answered AND NOT f.escalated AND NOT f.taken_over THEN LOWER(f.ai_resolution) END,
                CASE WHEN f.ai_answered AND NOT f.escalated AND NOT f.taken_over THEN f.durable END,
                c.inbox_id, f.agent_id, f.taken_over, f.human_response_seconds, f.queue_wait_seconds,
                (SELECT STRING_AGG(t.name, ';' ORDER BY t.name_key) FROM conversation_tag ct
                   JOIN tag t ON t.id = ct.tag_id WHERE ct.conversation_id = c.id)
            FROM conversation c LEFT JOIN analytics_conversation f ON f.conversation_id = c.id
            WHERE c.created_at >= ? AND c.created_at < ?
              AND (CAST(? AS VARCHAR(32)) IS NULL OR c.channel = ?)
              AND (CAST(? AS VARCHAR(32)) IS NULL OR c.status = ?)
              AND (CAST(? AS UUID) IS NULL OR c.team_id = ?)
            ORDER BY c.created_at""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final PersonalTexts texts;

    ConversationExport(DataSource dataSource, PlatformTransactionManager transactions, PersonalTexts texts) {
        this.texts = texts;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1_000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Writes the header and every matching conversation; PostgreSQL streams only inside a transaction. */
    public void write(AnalyticsFilter filter, String status, OutputStream target) {
        Writer writer = new OutputStreamWriter(target, StandardCharsets.UTF_8);
        CsvWriter csv = new CsvWriter(writer);
        var from = filter.from().atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime();
        var to = filter.to().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime();
        readOnly.executeWithoutResult(tx -> {
            try {
                csv.row((Object[]) HEADER);
                jdbc.query(SQL, rs -> {
                    try {
                        Object[] cells = new Object[HEADER.length];
                        for (int i = 0; i < HEADER.length; i++) {
                            cells[i] = rs.getObject(i + 1);
                        }
                        cells[1] = rs.getObject(2, java.time.OffsetDateTime.class).toInstant();
                        // Sealed at rest in the conversation tables (ADR 0029).
                        cells[6] = texts.open(rs.getString(7), PersonalTexts.SUBJECT);
                        cells[7] = texts.open(rs.getString(8), PersonalTexts.CUSTOMER_NAME);
                        cells[8] = texts.open(rs.getString(9), PersonalTexts.CUSTOMER_EMAIL);
                        csv.row(cells);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, from, to, filter.channel(), filter.channel(), status, status, filter.teamId(), filter.teamId());
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
