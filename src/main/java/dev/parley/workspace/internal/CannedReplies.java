package dev.parley.workspace.internal;

import static dev.parley.workspace.internal.PresenceRepository.time;

import dev.parley.conversation.Conversation;
import dev.parley.identity.Actor;
import dev.parley.identity.AuditLog;
import dev.parley.shared.ApiException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Canned replies: supervisors manage them, every agent uses them. Placeholders {@code {{customer.name}}},
 * {@code {{customer.email}}}, {@code {{agent.name}}} and {@code {{conversation.subject}}} are filled in for
 * the conversation at hand; unknown placeholders stay as written.
 */
@Component
public class CannedReplies {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z]+\\.[a-z]+)\\s*}}");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    CannedReplies(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public List<CannedReply> all() {
        return jdbc.sql("SELECT id, shortcut, title, body, updated_at FROM canned_reply ORDER BY shortcut")
                .query((rs, i) -> new CannedReply(rs.getObject("id", UUID.class), rs.getString("shortcut"),
                        rs.getString("title"), rs.getString("body"),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    @Transactional
    public CannedReply save(Actor actor, UUID id, String shortcut, String title, String body) {
        String key = shortcut == null ? "" : shortcut.strip().toLowerCase(java.util.Locale.ROOT);
        if (!key.matches("[a-z0-9][a-z0-9_-]{0,49}")) {
            throw ApiException.badRequest("shortcut must be 1-50 letters, digits, '-' or '_'");
        }
        if (title == null || title.isBlank() || title.length() > 200 || body == null || body.isBlank()
                || body.length() > 5000) {
            throw ApiException.badRequest("title (at most 200 characters) and body (at most 5000) are required");
        }
        boolean taken = all().stream().anyMatch(r -> r.shortcut().equals(key) && !r.id().equals(id));
        if (taken) {
            throw ApiException.conflict("A canned reply with shortcut " + key + " already exists");
        }
        CannedReply reply = new CannedReply(id == null ? UUID.randomUUID() : id, key, title.strip(), body.strip(),
                clock.instant());
        int updated = id == null ? 0 : jdbc.sql("UPDATE canned_reply SET shortcut = :s, title = :t, body = :b, updated_at = :u WHERE id = :id")
                .params(params(reply)).update();
        if (id != null && updated == 0) {
            throw ApiException.notFound("Canned reply " + id);
        }
        if (id == null) {
            jdbc.sql("INSERT INTO canned_reply (id, shortcut, title, body, updated_at) VALUES (:id, :s, :t, :b, :u)")
                    .params(params(reply)).update();
        }
        audit.record(actor, id == null ? "canned-reply.created" : "canned-reply.updated", key, null);
        return reply;
    }

    @Transactional
    public void delete(Actor actor, UUID id) {
        if (jdbc.sql("DELETE FROM canned_reply WHERE id = :id").param("id", id).update() == 0) {
            throw ApiException.notFound("Canned reply " + id);
        }
        audit.record(actor, "canned-reply.deleted", id.toString(), null);
    }

    /** The body with its placeholders filled in for one conversation and agent. */
    public static String render(String body, Conversation conversation, String agentName) {
        String customerName = conversation.customer().name();
        Map<String, String> values = Map.of(
                "customer.name", customerName == null || customerName.isBlank() ? "there" : customerName,
                "customer.email", conversation.customer().email() == null ? "" : conversation.customer().email(),
                "agent.name", agentName,
                "conversation.subject", conversation.subject() == null ? "" : conversation.subject());
        Matcher matcher = PLACEHOLDER.matcher(body);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Map<String, Object> params(CannedReply r) {
        return Map.of("id", r.id(), "s", r.shortcut(), "t", r.title(), "b", r.body(), "u", time(r.updatedAt()));
    }
}
