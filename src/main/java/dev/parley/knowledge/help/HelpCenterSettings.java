package dev.parley.knowledge.help;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the help center, under {@code parley.knowledge.help}.
 *
 * @param suggestionFloor lowest fused search score an article needs to be suggested in the widget; on the demo
 *        articles answerable questions score about 0.66-0.88 and off-topic ones at most about 0.60
 * @param searchFloor lowest fused search score shown on the help center's search page
 * @param relatedFloor lowest score of a related article (searched by the article's title)
 * @param viewWindow a visitor's repeated views of one article within this time count once
 * @param searchesPerMinute searches per client IP and minute, widget suggestions and the help center's search page
 *        together (each one embeds the question)
 */
@Validated
@ConfigurationProperties("parley.knowledge.help")
record HelpCenterSettings(
        @DefaultValue("0.64") @Min(0) @Max(1) double suggestionFloor,
        @DefaultValue("0.55") @Min(0) @Max(1) double searchFloor,
        @DefaultValue("0.55") @Min(0) @Max(1) double relatedFloor,
        @DefaultValue("1h") Duration viewWindow,
        @DefaultValue("60") @Min(1) int searchesPerMinute) {
}
