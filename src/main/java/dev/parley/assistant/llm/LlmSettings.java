package dev.parley.assistant.llm;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the generative layer, under {@code parley.assistant}. With {@code provider: offline} (the
 * default) no model is ever called.
 *
 * @param provider {@code offline}, {@code openai}, {@code anthropic}, {@code ollama}, or another factory's id
 * @param prices USD per million tokens, keyed by model name
 * @param redactStoredTranscripts whether stored customer messages are redacted too, not only what providers see
 */
@Validated
@ConfigurationProperties("parley.assistant")
public record LlmSettings(
        @DefaultValue("offline") @NotBlank String provider,
        @Valid Endpoint openai,
        @Valid Endpoint anthropic,
        @Valid Endpoint ollama,
        @Valid @DefaultValue Persona persona,
        Map<String, @Valid Price> prices,
        @DefaultValue("false") boolean redactStoredTranscripts,
        @Valid @DefaultValue Cache cache,
        @Valid @DefaultValue Resilience resilience) {

    public static final String OFFLINE = "offline";

    public LlmSettings {
        openai = Endpoint.orDefaults(openai, new Endpoint("https://api.openai.com/v1", null, "gpt-4o-mini", 0.2, 800));
        anthropic = Endpoint.orDefaults(anthropic,
                new Endpoint("https://api.anthropic.com/v1", null, "claude-3-5-haiku-latest", 0.2, 800));
        ollama = Endpoint.orDefaults(ollama, new Endpoint("http://localhost:11434", null, "llama3.2", 0.2, 800));
        prices = prices == null ? Map.of() : Map.copyOf(prices);
    }

    public boolean offline() {
        return OFFLINE.equalsIgnoreCase(provider);
    }

    /** Where a provider is and which model it runs; unset fields take the provider's defaults. */
    public record Endpoint(String baseUrl, String apiKey, String model,
            @DecimalMin("0.0") Double temperature, @Min(1) Integer maxTokens) {

        static Endpoint orDefaults(Endpoint given, Endpoint defaults) {
            if (given == null) {
                return defaults;
            }
            return new Endpoint(
                    given.baseUrl != null ? given.baseUrl : defaults.baseUrl,
                    given.apiKey != null ? given.apiKey : defaults.apiKey,
                    given.model != null ? given.model : defaults.model,
                    given.temperature != null ? given.temperature : defaults.temperature,
                    given.maxTokens != null ? given.maxTokens : defaults.maxTokens);
        }
    }

    /** Who the assistant speaks for; forms the fixed system prompt. */
    public record Persona(
            @DefaultValue("our company") @NotBlank String companyName,
            @DefaultValue("friendly, clear and concise") @NotBlank String tone,
            @DefaultValue List<String> guidelines,
            @DefaultValue List<String> forbiddenTopics) {

        public Persona {
            guidelines = guidelines == null ? List.of() : List.copyOf(guidelines);
            forbiddenTopics = forbiddenTopics == null ? List.of() : List.copyOf(forbiddenTopics);
        }
    }

    public record Price(@NotNull @DecimalMin("0.0") BigDecimal inputPerMillion,
            @NotNull @DecimalMin("0.0") BigDecimal outputPerMillion) {
    }

    /** Answers to repeated questions, kept in memory per node. */
    public record Cache(@DefaultValue("true") boolean enabled, @DefaultValue("1000") @Min(1) int maxEntries,
            @DefaultValue("24h") @NotNull Duration ttl) {
    }

    /** Timeouts, retries with backoff (429/5xx, honouring Retry-After) and the circuit breaker. */
    public record Resilience(
            @DefaultValue("30s") @NotNull Duration timeout,
            @DefaultValue("3") @Min(1) @Max(10) int maxAttempts,
            @DefaultValue("500ms") @NotNull Duration initialBackoff,
            @DefaultValue("8s") @NotNull Duration maxBackoff,
            @DefaultValue("30s") @NotNull Duration maxRetryAfter,
            @DefaultValue("50") @Min(1) @Max(100) int failureRateThreshold,
            @DefaultValue("10") @Min(1) int slidingWindowSize,
            @DefaultValue("5") @Min(1) int minimumCalls,
            @DefaultValue("30s") @NotNull Duration openDuration) {
    }
}
