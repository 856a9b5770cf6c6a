package dev.parley.knowledge.help;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
 * @param name the help center's name, in its header, page titles and link previews (say, "Acme Help Center")
 * @param homeUrl the company's own site, linked from every page so visitors find their way back; none when empty
 * @param color the header's and links' colour (#rgb or #rrggbb); the header's text is dark or light to suit it
 */
@Validated
@ConfigurationProperties("parley.knowledge.help")
record HelpCenterSettings(
        @DefaultValue("0.64") @Min(0) @Max(1) double suggestionFloor,
        @DefaultValue("0.55") @Min(0) @Max(1) double searchFloor,
        @DefaultValue("0.55") @Min(0) @Max(1) double relatedFloor,
        @DefaultValue("1h") Duration viewWindow,
        @DefaultValue("60") @Min(1) int searchesPerMinute,
        @DefaultValue("Help center") @NotBlank @Size(max = 80) String name,
        @Pattern(regexp = "((?i)https?://[^\\s\"<>]+)?", message = "must be an http(s) address") String homeUrl,
        @DefaultValue("#4338ca") @Pattern(regexp = "#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})",
                message = "must be a colour like #4338ca") String color) {
}
