package dev.parley.assistant.llm;

import dev.parley.conversation.AssistantOutcome;
import dev.parley.conversation.SourceRef;
import java.util.List;

/** What the generative layer decided about one question. */
public sealed interface GroundedDecision {

    double confidence();

    /** Answered from the given articles; {@code sources} are only articles it was given. */
    record Answered(String text, double confidence, List<SourceRef> sources, boolean fromCache)
            implements GroundedDecision {

        public Answered {
            sources = List.copyOf(sources);
        }
    }

    /** The articles do not answer the question (the model said so, or cited none of them). */
    record Unanswerable(double confidence, String why, boolean fromCache) implements GroundedDecision {
    }

    /**
     * An action the model called ended the turn: it asks the customer for a value or a confirmation, tells them to
     * sign in, or hands over (the action module's outcome, exactly as the offline path would give it).
     */
    record Acted(AssistantOutcome outcome) implements GroundedDecision {

        @Override
        public double confidence() {
            return outcome.confidence();
        }
    }

    /** The provider failed, timed out, is paused by the circuit breaker, or its output was unusable. */
    record Failed(LlmException.Kind kind, String why) implements GroundedDecision {

        @Override
        public double confidence() {
            return 0.0;
        }
    }
}
