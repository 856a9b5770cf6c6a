package dev.parley.assistant.llm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Decisions for repeated questions: same normalised (redacted) text, same knowledge version, same
 * language. Kept in an {@link AnswerStore}: this node's memory, or Redis shared by every node; entries expire.
 * Counts hits and misses as {@code parley.assistant.cache{result=hit|miss}}.
 */
class AnswerCache {

    private final LlmSettings.Cache settings;
    private final AnswerStore store;
    private final Counter hits;
    private final Counter misses;

    /** In this node's memory. */
    AnswerCache(LlmSettings settings, Clock clock, MeterRegistry meters) {
        this(settings, new InMemoryAnswerStore(settings.cache().maxEntries(), clock), meters);
    }

    AnswerCache(LlmSettings settings, AnswerStore store, MeterRegistry meters) {
        this.settings = settings.cache();
        this.store = store;
        this.hits = Counter.builder("parley.assistant.cache").tag("result", "hit")
                .description("Questions answered from the answer cache").register(meters);
        this.misses = Counter.builder("parley.assistant.cache").tag("result", "miss")
                .description("Questions that needed the provider").register(meters);
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

    Optional<GroundedDecision> find(String key) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        Optional<GroundedDecision> found = store.get(key);
        (found.isPresent() ? hits : misses).increment();
        return found;
    }

    void put(String key, GroundedDecision decision) {
        if (settings.enabled() && !(decision instanceof GroundedDecision.Failed)) {
            store.put(key, decision, settings.ttl());
        }
    }
}
