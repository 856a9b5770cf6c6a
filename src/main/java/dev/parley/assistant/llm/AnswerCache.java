package dev.parley.assistant.llm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Decisions for repeated questions: same normalised (redacted) text, same knowledge version, same
 * language. In memory, least recently used out first, entries expire. Counts hits and misses as
 * {@code parley.assistant.cache{result=hit|miss}}.
 */
@Component
class AnswerCache {

    private final LlmSettings.Cache settings;
    private final Clock clock;
    private final Counter hits;
    private final Counter misses;
    private final Map<String, Cached> entries;

    AnswerCache(LlmSettings settings, Clock clock, MeterRegistry meters) {
        this.settings = settings.cache();
        this.clock = clock;
        this.hits = Counter.builder("parley.assistant.cache").tag("result", "hit")
                .description("Questions answered from the answer cache").register(meters);
        this.misses = Counter.builder("parley.assistant.cache").tag("result", "miss")
                .description("Questions that needed the provider").register(meters);
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > AnswerCache.this.settings.maxEntries();
            }
        };
    }

    /** {@code systemPrompt} is part of the key: a new persona must not be answered with the old one's words. */
    static String key(String redactedQuestion, long knowledgeVersion, String language, String systemPrompt) {
        String normalised = Normalizer.normalize(redactedQuestion, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\s\\p{Punct}&&[^\\[\\]_]]+", " ").strip();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((normalised + "\u0000" + knowledgeVersion + "\u0000" + language + "\u0000" + systemPrompt)
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized Optional<GroundedDecision> find(String key) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        Cached entry = entries.get(key);
        if (entry == null || entry.expiresAt().isBefore(clock.instant())) {
            entries.remove(key);
            misses.increment();
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(entry.decision());
    }

    synchronized void put(String key, GroundedDecision decision) {
        if (settings.enabled() && !(decision instanceof GroundedDecision.Failed)) {
            entries.put(key, new Cached(decision, clock.instant().plus(settings.ttl())));
        }
    }

    private record Cached(GroundedDecision decision, Instant expiresAt) {
    }
}
