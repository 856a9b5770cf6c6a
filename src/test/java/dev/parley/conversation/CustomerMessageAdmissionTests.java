package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.shared.BusyException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bound on customer messages handled at once: refuses beyond it, and a failed handling gives its slot back. */
class CustomerMessageAdmissionTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CustomerMessageAdmission admission = new CustomerMessageAdmission(
            new AdmissionSettings(1, Duration.ZERO, Duration.ofSeconds(3)), 20, meters);

    @Test
    void aMessageBeyondTheBoundIsRefusedWithRetryAfterAndDoesNotRun() {
        boolean[] ran = {false};
        assertThatThrownBy(() -> admission.admit(() -> {
            assertThat(inFlight()).isEqualTo(1);
            return admission.admit(() -> ran[0] = true);
        })).isInstanceOfSatisfying(BusyException.class, busy -> {
            assertThat(busy.retryAfterSeconds()).isEqualTo(3);
            assertThat(busy.getMessage()).contains("Nothing was saved");
        });
        assertThat(ran[0]).isFalse();
        assertThat(meters.get("parley.customer.messages.refused").counter().count()).isEqualTo(1);
        assertThat(inFlight()).isZero();
    }

    @Test
    void aSlotFreesWhenTheHandlingFails() {
        assertThatThrownBy(() -> admission.admit(() -> {
            throw new IllegalStateException("handling failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(inFlight()).isZero();
        assertThat(admission.admit(() -> "taken")).isEqualTo("taken");
    }

    @Test
    void waitingForARemoteModelGivesTheSlotToAnotherMessageAndTakesItBack() {
        String result = admission.admit(() -> {
            String other = CustomerMessageAdmission.stepAside(() -> {
                assertThat(inFlight()).isZero();
                return admission.admit(() -> "another message handled meanwhile");
            });
            assertThat(inFlight()).isEqualTo(1);
            return other;
        });

        assertThat(result).isEqualTo("another message handled meanwhile");
        assertThat(inFlight()).isZero();
    }

    @Test
    void steppingAsideWithoutASlotJustRuns() {
        assertThat(CustomerMessageAdmission.stepAside(() -> "copilot draft")).isEqualTo("copilot draft");
        assertThat(inFlight()).isZero();
    }

    @Test
    void withoutABoundSetItIsHalfTheConnectionPoolAndAtLeastTwo() {
        assertThat(new AdmissionSettings(0, Duration.ZERO, Duration.ZERO).limit(20)).isEqualTo(10);
        assertThat(new AdmissionSettings(0, Duration.ZERO, Duration.ZERO).limit(2)).isEqualTo(2);
        assertThat(new AdmissionSettings(7, Duration.ZERO, Duration.ZERO).limit(20)).isEqualTo(7);
    }

    private double inFlight() {
        return meters.get("parley.customer.messages.in.flight").gauge().value();
    }
}
