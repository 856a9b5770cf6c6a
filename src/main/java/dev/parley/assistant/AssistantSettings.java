package dev.parley.assistant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The assistant's settings ({@code parley.assistant.*}).
 *
 * @param confidenceThreshold answers below this calibrated confidence are escalated
 * @param humanRequest escalate when the customer asks for a person
 * @param frustration escalate when the customer is frustrated
 * @param loop when the conversation goes round in circles
 * @param maxAnswerChars an offline answer is the passage of the best article that answers the question, in whole
 *        sentences, at most this long (the link to the article comes on top)
 * @param outOfScopeShare share of questions assumed out of scope when calibrating confidence
 * @param encoderTuning fine-tune the embedding model's top layers on the knowledge base's example questions
 *        in the background after each change (minutes of one core; the tuned scorer replaces the first one)
 */
@Validated
@ConfigurationProperties("parley.assistant")
public record AssistantSettings(
        @DefaultValue("0.7") @DecimalMin("0.0") @DecimalMax("1.0") double confidenceThreshold,
        @DefaultValue("true") boolean humanRequest,
        @DefaultValue("true") boolean frustration,
        @DefaultValue @Valid @NotNull Loop loop,
        @DefaultValue("600") @Min(200) int maxAnswerChars,
        @DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("0.9") double outOfScopeShare,
        @DefaultValue("true") boolean encoderTuning) {

    /**
     * @param window how many earlier customer messages are compared with the new one
     * @param repeatSimilarity a new message this similar to an earlier, answered one is a repeat
     */
    public record Loop(
            @DefaultValue("3") @Min(1) int window,
            @DefaultValue("0.88") @DecimalMin("0.5") @DecimalMax("1.0") double repeatSimilarity) {
    }

    public AssistantSettings withThreshold(double threshold) {
        return new AssistantSettings(threshold, humanRequest, frustration, loop, maxAnswerChars, outOfScopeShare,
                encoderTuning);
    }

    public AssistantSettings withoutCustomerSignals() {
        return new AssistantSettings(confidenceThreshold, false, false, loop, maxAnswerChars, outOfScopeShare,
                encoderTuning);
    }

    public static AssistantSettings defaults() {
        return new AssistantSettings(0.7, true, true, new Loop(3, 0.88), 600, 0.2, true);
    }
}
