package dev.parley.assistant.llm;

import dev.parley.assistant.llm.GroundedDecision.Answered;
import dev.parley.assistant.llm.GroundedDecision.Unanswerable;
import dev.parley.conversation.SourceRef;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decisions in Redis as JSON, one key each with the cache's time to live, so a question answered on one node is
 * answered from the cache on every node. Only answers and "the articles do not answer it" are kept: an action's
 * outcome comes from a tool call and is never cached, a failure neither. The texts are the redacted ones.
 * Redis bounds the memory (its maxmemory policy); {@code parley.assistant.cache.max-entries} is per node only.
 */
class RedisAnswerStore implements AnswerStore {

    static final String NAMESPACE = "parley:answer:";

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final String namespace;

    RedisAnswerStore(StringRedisTemplate redis, JsonMapper json) {
        this(redis, json, NAMESPACE);
    }

    RedisAnswerStore(StringRedisTemplate redis, JsonMapper json, String namespace) {
        this.redis = redis;
        this.json = json;
        this.namespace = namespace;
    }

    @Override
    public Optional<GroundedDecision> get(String key) {
        String stored = redis.opsForValue().get(namespace + key);
        return stored == null ? Optional.empty() : Optional.of(json.readValue(stored, Stored.class).decision());
    }

    @Override
    public void put(String key, GroundedDecision decision, Duration ttl) {
        Stored stored = switch (decision) {
            case Answered a -> new Stored(true, a.text(), a.confidence(), a.sources(), null);
            case Unanswerable u -> new Stored(false, null, u.confidence(), List.of(), u.why());
            case GroundedDecision.Acted acted -> null;
            case GroundedDecision.Failed failed -> null;
        };
        if (stored != null) {
            redis.opsForValue().set(namespace + key, json.writeValueAsString(stored), ttl);
        }
    }

    /** The JSON kept per question. */
    record Stored(boolean answered, String text, double confidence, List<SourceRef> sources, String why) {

        GroundedDecision decision() {
            return answered ? new Answered(text, confidence, sources == null ? List.of() : sources, false)
                    : new Unanswerable(confidence, why, false);
        }
    }
}
