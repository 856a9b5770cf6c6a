package dev.parley.support;

import dev.parley.conversation.AssistantOutcome;
import dev.parley.conversation.AssistantPort;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.SourceRef;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * An assistant whose decisions a test writes into the question: it answers what starts with "answerable:", hands
 * "human" requests over and escalates the rest for low confidence.
 */
@TestConfiguration
public class ScriptedAssistant {

    public static final String ANSWER = "Here you go";
    public static final String HAND_OFF = "I've passed your question to our support team. A person will reply here.";

    @Bean
    @Primary
    AssistantPort scriptedAssistant() {
        return request -> {
            String text = request.message().text();
            if (text.startsWith("answerable:")) {
                return AssistantOutcome.answer(ANSWER, 0.93, List.of(new SourceRef("a1", "Article", null)));
            }
            EscalationReason reason = text.contains("human") ? EscalationReason.HUMAN_REQUESTED
                    : EscalationReason.LOW_CONFIDENCE;
            return AssistantOutcome.escalate(reason, HAND_OFF, 0.2);
        };
    }
}
