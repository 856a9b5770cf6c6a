package dev.parley.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.AdmissionFixture;
import dev.parley.conversation.CustomerMessageAdmission;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A customer message's admission slot bounds the node's own work; while the provider thinks, the slot serves another
 * customer (200 conversations on a 5-second model would otherwise queue ten at a time and be refused).
 */
class ProviderWaitOutsideAdmissionTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CustomerMessageAdmission admission = AdmissionFixture.bound(1, meters);

    @Test
    void aMessageWaitingForTheProviderHoldsNoSlotAndTakesItBackForTheAnswer() {
        double[] inFlightDuringCall = {-1};
        String[] otherCustomer = {null};
        LlmProvider provider = new ResilientProvider(new Answering(() -> {
            inFlightDuringCall[0] = inFlight();
            otherCustomer[0] = admission.admit(() -> "another customer's message handled");
        }), TestSettings.resilience());

        String answer = admission.admit(() -> {
            String text = provider.complete(LlmRequest.of("system", "How do I reset my password?")).text();
            assertThat(inFlight()).isEqualTo(1);
            return text;
        });

        assertThat(answer).isEqualTo("an answer");
        assertThat(inFlightDuringCall[0]).isZero();
        assertThat(otherCustomer[0]).isEqualTo("another customer's message handled");
        assertThat(inFlight()).isZero();
    }

    private double inFlight() {
        return meters.get("parley.customer.messages.in.flight").gauge().value();
    }

    /** A provider that runs something while it "thinks", then answers. */
    private record Answering(Runnable whileThinking) implements LlmProvider {

        @Override
        public String id() {
            return "test";
        }

        @Override
        public String model() {
            return "gpt-test";
        }

        @Override
        public LlmResponse complete(LlmRequest request) {
            whileThinking.run();
            return new LlmResponse("an answer", null, id(), model(), java.util.List.of());
        }

        @Override
        public LlmResponse stream(LlmRequest request, Consumer<String> onDelta) {
            return complete(request);
        }
    }
}
