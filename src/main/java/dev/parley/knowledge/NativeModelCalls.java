package dev.parley.knowledge;

import dev.parley.knowledge.internal.NativeModelGate;
import java.util.function.Supplier;

/**
 * Runs a call into ONNX Runtime under the same gate as the embedding model's own calls: ONNX Runtime frees its
 * native state in a JVM shutdown hook, and a call still running then crashes the JVM, so shutdown stops new calls
 * and waits for running ones. Every call into a model session made outside this module goes through here.
 */
public final class NativeModelCalls {

    private NativeModelCalls() {
    }

    public static <T> T call(Supplier<T> work) {
        return NativeModelGate.call(work);
    }
}
