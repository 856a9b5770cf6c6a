package dev.parley.channel.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The chat widget's settings, under {@code parley.widget}. Branding values are defaults a site can
 * override per page with {@code data-parley-*} attributes on the script tag.
 */
@Validated
@ConfigurationProperties("parley.widget")
record WidgetSettings(
        @DefaultValue({"http://localhost:8080", "http://127.0.0.1:8080"}) List<String> allowedOrigins,
        @DefaultValue("20") @Min(1) int conversationsPerHour,
        @DefaultValue("30") @Min(1) int messagesPerMinute,
        @DefaultValue("120") @Min(1) int typingPerMinute,
        @DefaultValue("10") @Min(1) int contactChangesPerHour,
        @DefaultValue("10") @Min(1) int streamsPerClient,
        @DefaultValue("24h") Duration tokenTtlAfterClose,
        @DefaultValue("Support") String title,
        @DefaultValue("#4f46e5") @Pattern(regexp = "#[0-9a-fA-F]{3,8}") String color,
        @DefaultValue("Hi! Ask us anything — we usually answer right away.") String greeting,
        @DefaultValue("right") @Pattern(regexp = "left|right") String position,
        @DefaultValue({}) List<String> suggestions,
        @DefaultValue("30m") Duration feedbackTimeout,
        @DefaultValue("10m") Duration identityMaxAge,
        @DefaultValue("24h") Duration identitySecretGrace,
        @DefaultValue("12h") Duration identitySessionTtl) {
}
