package dev.parley.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerCacheTests {

    private static final GroundedDecision ANSWER = new GroundedDecision.Answered("Use the link.", 0.8, List.of(), false);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private AnswerCache cache(int maxEntries) {
        var base = TestSettings.offline(false);
        var settings = new LlmSettings(base.provider(), null, null, null, base.persona(), base.prices(), false,
                new LlmSettings.Cache(true, maxEntries, Duration.ofHours(1)), base.resilience());
        return new AnswerCache(settings, clock, meters);
    }

    @Test
    void theKeyIgnoresCaseSpacingAndPunctuationButNotVersionLanguageOrSystemPrompt() {
        String key = AnswerCache.key("How do I reset my password?", 7, "English", "prompt A");

        assertThat(AnswerCache.key("  how do i RESET my password ", 7, "English", "prompt A")).isEqualTo(key);
        assertThat(AnswerCache.key("How do I reset my password?", 8, "English", "prompt A")).isNotEqualTo(key);
        assertThat(AnswerCache.key("How do I reset my password?", 7, "German", "prompt A")).isNotEqualTo(key);
        assertThat(AnswerCache.key("How do I reset my password?", 7, "English", "prompt B")).isNotEqualTo(key);
        assertThat(AnswerCache.key("How do I reset my [EMAIL_1]?", 7, "English", "prompt A"))
                .isNotEqualTo(AnswerCache.key("How do I reset my [CARD_1]?", 7, "English", "prompt A"));
    }

    @Test
    void entriesExpireAfterTheirTimeToLive() {
        var cache = cache(10);
        cache.put("k", ANSWER);

        clock.advance(Duration.ofMinutes(59));
        assertThat(cache.find("k")).contains(ANSWER);
        clock.advance(Duration.ofMinutes(2));
        assertThat(cache.find("k")).isEmpty();
    }

    @Test
    void evictsTheLeastRecentlyUsedEntryWhenFull() {
        var cache = cache(2);
        cache.put("a", ANSWER);
        cache.put("b", ANSWER);
        cache.find("a");
        cache.put("c", ANSWER);

        assertThat(cache.find("b")).isEmpty();
        assertThat(cache.find("a")).isPresent();
        assertThat(cache.find("c")).isPresent();
    }

    @Test
    void neverCachesAFailure() {
        var cache = cache(10);
        cache.put("k", new GroundedDecision.Failed(LlmException.Kind.TIMEOUT, "slow"));

        assertThat(cache.find("k")).isEmpty();
        assertThat(meters.counter("parley.assistant.cache", "result", "miss").count()).isEqualTo(1);
    }
}
