package dev.parley.conversation;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/** A {@link CustomerMessageAdmission} for tests of other modules: a bound, no wait for a slot. */
public final class AdmissionFixture {

    private AdmissionFixture() {
    }

    public static CustomerMessageAdmission bound(int limit, MeterRegistry meters) {
        return new CustomerMessageAdmission(new AdmissionSettings(limit, Duration.ZERO, Duration.ofSeconds(3)), 20,
                meters);
    }
}
