package dev.parley.engine.runtime;

import java.util.function.Supplier;

/**
 * Runs a call into ONNX Runtime under the same gate as the embedding model's own calls: ONNX Runtime frees its
 * native state in a JVM shutdown hook, and a call still running then crashes the JVM, so shutdown stops new calls
 * and waits for running ones (the application's {@code ModelRuntimeShutdown}). Every call into a model session made
 * outside this package goes through here: creating a session, running it and closing it.
 */
public final class NativeModelCalls {

    private NativeModelCalls() {
    }

    public static <T> T call(Supplier<T> work) {
        return NativeModelGate.call(work);
    }

    /** Frees a session's native memory, skipped once the runtime is shutting down (the process frees it). */
    public static void release(Runnable work) {
        NativeModelGate.runtime().release(work);
    }
}
