package dev.parley.assistant.llm;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Example questions written by the configured model for articles without any, under
 * {@code parley.assistant.generated-questions}. Nothing happens with the offline provider.
 *
 * @param enabled write them when a model is configured
 * @param perArticle how many questions per article
 * @param batch articles handled per run
 * @param interval pause between runs
 */
@Validated
@ConfigurationProperties("parley.assistant.generated-questions")
public record GeneratedQuestionSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5") @Min(1) @Max(MAX_PER_ARTICLE) int perArticle,
        @DefaultValue("20") @Min(1) @Max(500) int batch,
        @DefaultValue("5m") Duration interval) {

    public static final int MAX_PER_ARTICLE = 10;
}
