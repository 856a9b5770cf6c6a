package dev.parley.assistant.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * Where {@link AnswerCache} keeps decisions: this node's memory ({@link InMemoryAnswerStore}), or Redis shared by
 * every node ({@link RedisAnswerStore}, when {@code parley.redis.enabled=true}). Keys carry the knowledge version,
 * so a knowledge change retires every node's entries at once without anyone deleting them.
 */
interface AnswerStore {

    Optional<GroundedDecision> get(String key);

    void put(String key, GroundedDecision decision, Duration ttl);
}
