package dev.parley.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdCalibrationTests {

    private static void add(List<Scored> results, int count, String expected, String best, double confidence) {
        for (int i = 0; i < count; i++) {
            results.add(new Scored("question", expected, best, confidence, true, 1));
        }
    }

    @Test
    void picksTheLowestThresholdThatReachesTheTargetPrecision() {
        List<Scored> results = new ArrayList<>();
        add(results, 6, "a", "a", 0.9);
        add(results, 2, "a", "b", 0.5);
        add(results, 2, "a", "a", 0.4);
        var calibration = ThresholdCalibration.pick(results, 0.95, 0.2);
        assertThat(calibration.reached()).isTrue();
        assertThat(calibration.threshold()).isEqualTo(0.9);
        assertThat(ThresholdCalibration.pick(results, 0.85, 0.2).threshold()).isEqualTo(0.9);
        assertThat(ThresholdCalibration.pick(results, 0.8, 0.2).threshold()).isEqualTo(0.4);
    }

    @Test
    void holdsPrecisionWhenMoreOutOfScopeQuestionsArriveThanTheFileHas() {
        List<Scored> results = new ArrayList<>();
        add(results, 50, "a", "a", 0.9);
        add(results, 45, "a", "a", 0.8);
        add(results, 1, null, "a", 0.85);
        add(results, 4, null, "a", 0.1);
        // At the file's own 5% out-of-scope share, 0.8 is precise enough...
        var asIs = ThresholdCalibration.pick(results, 0.97, 0.0);
        assertThat(asIs.threshold()).isEqualTo(0.8);
        assertThat(asIs.outOfScopeShare()).isEqualTo(0.05);
        // ...but one leaking out-of-scope question in five is too many when half the traffic is out of scope.
        var conservative = ThresholdCalibration.pick(results, 0.97, 0.5);
        assertThat(conservative.threshold()).isEqualTo(0.9);
        assertThat(conservative.expectedPrecision()).isEqualTo(1.0);
    }

    @Test
    void canAlsoRequireAShareOfOutOfScopeQuestionsToBeEscalated() {
        List<Scored> results = new ArrayList<>();
        add(results, 90, "a", "a", 0.9);
        add(results, 10, "a", "a", 0.6);
        add(results, 3, null, "a", 0.7);
        add(results, 7, null, "a", 0.2);
        assertThat(ThresholdCalibration.pick(results, 0.95, 0.0).threshold()).isEqualTo(0.6);
        // 3 of 10 out-of-scope questions pass at 0.6; escalating at least 90% of them needs 0.9
        var strict = ThresholdCalibration.pick(results, 0.95, 0.0, 0.9);
        assertThat(strict.threshold()).isEqualTo(0.9);
        assertThat(ThresholdCalibration.outOfScopeRecall(results, strict.threshold(), 10)).isEqualTo(1.0);
    }

    @Test
    void saysSoWhenNoThresholdReachesTheTarget() {
        List<Scored> results = new ArrayList<>();
        add(results, 5, "a", "b", 0.9);
        add(results, 5, "a", "a", 0.8);
        var calibration = ThresholdCalibration.pick(results, 0.95, 0.2);
        assertThat(calibration.reached()).isFalse();
        assertThat(calibration.expectedPrecision()).isEqualTo(0.5);
    }
}
