package dev.parley.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.llm.LlmResponse.TokenUsage;
import dev.parley.support.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Usage persistence, run on H2 and on PostgreSQL with the same migration. */
abstract class LlmUsageContract {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final LlmUsage usage;

    LlmUsageContract() {
        usage = new LlmUsage(JdbcClient.create(migratedDataSource()), TestSettings.offline(false), clock, event -> { });
    }

    /** A fresh database with the llm migrations applied. */
    protected abstract javax.sql.DataSource migratedDataSource();

    @Test
    void pricesCallsFromTheTablePerMillionTokens() {
        // 0.15 USD per million input, 0.60 per million output
        assertThat(usage.costOf("gpt-test", new TokenUsage(1_000_000, 500_000))).isEqualByComparingTo("0.45");
        assertThat(usage.costOf("gpt-test", new TokenUsage(1234, 56))).isEqualByComparingTo("0.0002187");
    }

    @Test
    void aModelWithoutAPriceCostsNothing() {
        assertThat(usage.costOf("unknown-model", new TokenUsage(5000, 5000))).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void totalsPerConversationCountCachedAnswersAtZeroCost() {
        UUID conversation = UUID.randomUUID();
        usage.record(conversation, UUID.randomUUID(), "answer", "openai", "gpt-test", new TokenUsage(1000, 100), false);
        usage.record(conversation, UUID.randomUUID(), "answer", "openai", "gpt-test", TokenUsage.NONE, true);
        usage.record(UUID.randomUUID(), null, "answer", "openai", "gpt-test", new TokenUsage(7, 7), false);

        var totals = usage.totalsForConversation(conversation);

        assertThat(totals.calls()).isEqualTo(2);
        assertThat(totals.cachedCalls()).isEqualTo(1);
        assertThat(totals.inputTokens()).isEqualTo(1000);
        assertThat(totals.outputTokens()).isEqualTo(100);
        assertThat(totals.costUsd()).isEqualByComparingTo("0.00021");
    }

    @Test
    void totalsForATimeRangeIncludeItsStartAndExcludeItsEnd() {
        usage.record(UUID.randomUUID(), null, "answer", "openai", "gpt-test", new TokenUsage(10, 1), false);
        clock.advance(Duration.ofHours(1));
        usage.record(UUID.randomUUID(), null, "summary", "openai", "gpt-test", new TokenUsage(20, 2), false);
        clock.advance(Duration.ofHours(1));
        usage.record(UUID.randomUUID(), null, "answer", "openai", "gpt-test", new TokenUsage(40, 4), false);

        var totals = usage.totalsBetween(T0, T0.plus(Duration.ofHours(2)));

        assertThat(totals.calls()).isEqualTo(2);
        assertThat(totals.inputTokens()).isEqualTo(30);
        assertThat(usage.totalsBetween(T0.minusSeconds(60), T0).calls()).isZero();
    }
}
