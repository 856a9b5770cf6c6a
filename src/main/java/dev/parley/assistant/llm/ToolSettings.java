package dev.parley.assistant.llm;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many actions the model may run in one turn ({@code parley.assistant.max-tool-steps}): a model asking for more
 * fails the turn, which falls back like any provider failure.
 */
@Validated
@ConfigurationProperties("parley.assistant")
public record ToolSettings(@DefaultValue("3") @Min(1) @Max(10) int maxToolSteps) {
}
