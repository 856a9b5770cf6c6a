package dev.parley.conversation.internal;

import static dev.parley.conversation.internal.ConversationRepository.toTimestamp;

import dev.parley.conversation.Tag;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tag catalogue and the conversations' tags. Names are unique case-insensitively ({@code name_key}). */
@Repository
public class TagRepository {

    private final JdbcClient jdbc;

    public TagRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Tag> all() {
        return jdbc.sql("SELECT id, name, colour FROM tag ORDER BY name_key").query(TagRepository::map).list();
    }

    public Optional<Tag> find(UUID id) {
        return jdbc.sql("SELECT id, name, colour FROM tag WHERE id = :id").param("id", id)
                .query(TagRepository::map).optional();
    }

    public Optional<Tag> byKey(String nameKey) {
        return jdbc.sql("SELECT id, name, colour FROM tag WHERE name_key = :key").param("key", nameKey)
                .query(TagRepository::map).optional();
    }

    public void insert(Tag tag, String nameKey, Instant now) {
        jdbc.sql("INSERT INTO tag (id, name, name_key, colour, created_at) VALUES (:id, :name, :key, :colour, :at)")
                .param("id", tag.id()).param("name", tag.name()).param("key", nameKey).param("colour", tag.colour())
                .param("at", toTimestamp(now)).update();
    }

    public void update(Tag tag, String nameKey) {
        jdbc.sql("UPDATE tag SET name = :name, name_key = :key, colour = :colour WHERE id = :id")
                .param("id", tag.id()).param("name", tag.name()).param("key", nameKey).param("colour", tag.colour())
                .update();
    }

    public boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM tag WHERE id = :id").param("id", id).update() > 0;
    }

    /** False when the conversation already carries the tag. */
    public boolean attach(UUID conversationId, UUID tagId, UUID addedBy, Instant now) {
        return jdbc.sql("""
                INSERT INTO conversation_tag (conversation_id, tag_id, added_by, added_at)
                SELECT :c, :t, :by, :at FROM (VALUES (1)) one
                WHERE NOT EXISTS (SELECT 1 FROM conversation_tag WHERE conversation_id = :c AND tag_id = :t)""")
                .param("c", conversationId).param("t", tagId).param("by", addedBy).param("at", toTimestamp(now))
                .update() > 0;
    }

    public boolean detach(UUID conversationId, UUID tagId) {
        return jdbc.sql("DELETE FROM conversation_tag WHERE conversation_id = :c AND tag_id = :t")
                .param("c", conversationId).param("t", tagId).update() > 0;
    }

    public List<Tag> of(UUID conversationId) {
        return jdbc.sql("""
                SELECT t.id, t.name, t.colour FROM tag t JOIN conversation_tag ct ON ct.tag_id = t.id
                WHERE ct.conversation_id = :c ORDER BY t.name_key""")
                .param("c", conversationId).query(TagRepository::map).list();
    }

    /** The tags of many conversations at once (an inbox page), each list sorted by name. */
    public Map<UUID, List<Tag>> of(Collection<UUID> conversationIds) {
        Map<UUID, List<Tag>> tags = new LinkedHashMap<>();
        if (conversationIds.isEmpty()) {
            return tags;
        }
        jdbc.sql("""
                SELECT ct.conversation_id, t.id, t.name, t.colour FROM tag t
                JOIN conversation_tag ct ON ct.tag_id = t.id
                WHERE ct.conversation_id IN (:ids) ORDER BY t.name_key""")
                .param("ids", List.copyOf(conversationIds))
                .query(rs -> {
                    tags.computeIfAbsent(rs.getObject("conversation_id", UUID.class), k -> new java.util.ArrayList<>())
                            .add(map(rs, 0));
                });
        return tags;
    }

    private static Tag map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Tag(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("colour"));
    }
}
