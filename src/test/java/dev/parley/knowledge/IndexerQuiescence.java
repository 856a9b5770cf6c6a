package dev.parley.knowledge;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Before the test JVM exits, waits until no knowledge indexer thread is busy. ONNX Runtime closes its
 * native environment in a JVM shutdown hook that runs concurrently with Spring's, and an embedding running
 * at that moment crashes the JVM (SIGSEGV), which fails the build although every test passed.
 */
public class IndexerQuiescence implements TestExecutionListener {

    private static final long MAX_WAIT_MS = 120_000;

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        long deadline = System.currentTimeMillis() + MAX_WAIT_MS;
        while (busyIndexers() > 0 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long busyIndexers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("knowledge-indexer"))
                .filter(t -> t.getState() == Thread.State.RUNNABLE)
                .count();
    }
}
