package dev.parley.knowledge.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Embeddings of knowledge text kept in the database, keyed by model and the SHA-256 of the text, so that a text is
 * embedded by one node and read by the others (issue 21). Writes that race with another node's are ignored: both
 * computed the same vector.
 */
@Repository
class EmbeddingStore {

    private static final int IN_CHUNK = 500;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final Clock clock;

    EmbeddingStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /** The stored vectors of these texts, by text; texts never stored are missing. */
    Map<String, float[]> find(String model, List<String> texts) {
        Map<String, List<String>> byHash = new HashMap<>();
        texts.forEach(t -> byHash.computeIfAbsent(hash(t), h -> new ArrayList<>()).add(t));
        List<String> hashes = List.copyOf(byHash.keySet());
        Map<String, float[]> found = new HashMap<>();
        for (int i = 0; i < hashes.size(); i += IN_CHUNK) {
            jdbc.sql("SELECT text_hash, vector FROM knowledge_embedding WHERE model = :model AND text_hash IN (:hashes)")
                    .param("model", model).param("hashes", hashes.subList(i, Math.min(hashes.size(), i + IN_CHUNK)))
                    .query((rs, n) -> {
                        float[] vector = floats(rs.getBytes("vector"));
                        byHash.get(rs.getString("text_hash")).forEach(t -> found.put(t, vector));
                        return null;
                    }).list();
        }
        return found;
    }

    /** Stores vectors for texts; one already stored (by this node or another) is left as it is. */
    void save(String model, Map<String, float[]> vectors) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        SqlParameterSource[] rows = vectors.entrySet().stream().map(e -> new MapSqlParameterSource()
                .addValue("model", model).addValue("hash", hash(e.getKey())).addValue("vector", bytes(e.getValue()))
                .addValue("at", now)).toArray(SqlParameterSource[]::new);
        batch.batchUpdate("""
                INSERT INTO knowledge_embedding (model, text_hash, vector, created_at)
                VALUES (:model, :hash, :vector, :at) ON CONFLICT DO NOTHING""", rows);
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] floats(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
