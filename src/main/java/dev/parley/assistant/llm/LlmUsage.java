package dev.parley.assistant.llm;

import dev.parley.assistant.llm.LlmResponse.TokenUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tokens and cost per generative call, priced from {@code parley.assistant.prices.<model>}; analytics
 * reads the totals. A model without a price costs 0 and is logged once.
 */
@Component
public class LlmUsage {

    private static final Logger log = LoggerFactory.getLogger(LlmUsage.class);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final JdbcClient jdbc;
    private final LlmSettings settings;
    private final Clock clock;
    private final java.util.Set<String> unpriced = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final org.springframework.context.ApplicationEventPublisher events;

    public LlmUsage(JdbcClient jdbc, LlmSettings settings, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** One call (or cache hit) as stored. */
    public record Call(UUID conversationId, UUID messageId, String purpose, String provider, String model,
            TokenUsage tokens, BigDecimal costUsd, boolean cached, Instant at) {
    }

    /** Sums over calls; {@code cachedCalls} were served without the provider. */
    public record Totals(long calls, long cachedCalls, long inputTokens, long outputTokens, BigDecimal costUsd) {
    }

    public BigDecimal costOf(String model, TokenUsage tokens) {
        LlmSettings.Price price = settings.prices().get(model);
        if (price == null) {
            if (unpriced.add(model)) {
                log.warn("No price for model {}; set parley.assistant.prices.{}.input-per-million and "
                        + "output-per-million to track its cost", model, model);
            }
            return BigDecimal.ZERO;
        }
        return price.inputPerMillion().multiply(BigDecimal.valueOf(tokens.input()))
                .add(price.outputPerMillion().multiply(BigDecimal.valueOf(tokens.output())))
                .divide(MILLION, 8, RoundingMode.HALF_UP);
    }

    /** Stores one call and returns it with its cost; analytics hears of it once the row is committed. */
    @Transactional
    public Call record(UUID conversationId, UUID messageId, String purpose, String provider, String model,
            TokenUsage tokens, boolean cached) {
        BigDecimal cost = cached ? BigDecimal.ZERO : costOf(model, tokens);
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO llm_usage (conversation_id, message_id, purpose, provider, model, input_tokens,
                                       output_tokens, cost_usd, cached, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(conversationId, messageId, purpose, provider, model, tokens.input(), tokens.output(), cost,
                        cached, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        if (conversationId != null) {
            events.publishEvent(new LlmCallRecorded(UUID.randomUUID(), conversationId, tokens.input(), tokens.output(), cost, cached, now));
        }
        return new Call(conversationId, messageId, purpose, provider, model, tokens, cost, cached, now);
    }

    public Totals totalsForConversation(UUID conversationId) {
        return totals("WHERE conversation_id = ?", conversationId);
    }

    /** Totals of calls made in {@code [from, to)}. */
    public Totals totalsBetween(Instant from, Instant to) {
        return totals("WHERE created_at >= ? AND created_at < ?", OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
    }

    private Totals totals(String where, Object... params) {
        return jdbc.sql("""
                SELECT COUNT(*) AS calls,
                       COALESCE(SUM(CASE WHEN cached THEN 1 ELSE 0 END), 0) AS cached_calls,
                       COALESCE(SUM(input_tokens), 0) AS input_tokens,
                       COALESCE(SUM(output_tokens), 0) AS output_tokens,
                       COALESCE(SUM(cost_usd), 0) AS cost_usd
                FROM llm_usage
                """ + where)
                .params(params)
                .query((rs, row) -> new Totals(rs.getLong("calls"), rs.getLong("cached_calls"),
                        rs.getLong("input_tokens"), rs.getLong("output_tokens"),
                        rs.getBigDecimal("cost_usd").setScale(8, RoundingMode.HALF_UP)))
                .single();
    }
}
