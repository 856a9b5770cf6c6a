package dev.parley.assistant.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Decisions in this node's memory: at most {@code maxEntries}, least recently used out first, entries expire. */
class InMemoryAnswerStore implements AnswerStore {

    private final Clock clock;
    private final Map<String, Cached> entries;

    InMemoryAnswerStore(int maxEntries, Clock clock) {
        this.clock = clock;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public synchronized Optional<GroundedDecision> get(String key) {
        Cached entry = entries.get(key);
        if (entry == null || entry.expiresAt().isBefore(clock.instant())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.decision());
    }

    @Override
    public synchronized void put(String key, GroundedDecision decision, Duration ttl) {
        entries.put(key, new Cached(decision, clock.instant().plus(ttl)));
    }

    private record Cached(GroundedDecision decision, Instant expiresAt) {
    }
}
