package dev.parley.support;

import dev.parley.engine.runtime.NativeModelGate;
import java.time.Duration;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Before the test JVM exits, stops new embedding calls and waits for running ones (indexers, scorer
 * training): ONNX Runtime frees its native state in a shutdown hook, and a call running then crashes the
 * JVM, which would fail the build although every test passed.
 */
public class EmbeddingQuiescence implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        NativeModelGate.closeAndAwait(Duration.ofMinutes(2));
    }
}
