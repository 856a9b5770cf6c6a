package dev.parley.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.segment.TextSegment;
import dev.parley.engine.runtime.BgeSmallEmbeddingModel;
import dev.parley.engine.runtime.NativeModelGate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A stop (SIGTERM) must never free ONNX Runtime under a running call: the application closes first while the model
 * still works, then new calls are refused and the running ones are waited for, and only then may the JVM's hooks
 * (ONNX Runtime's among them) run. Each test uses a gate of its own, so the process-wide one stays open.
 */
class ModelRuntimeShutdownTests {

    private final NativeModelGate gate = new NativeModelGate();

    @Test
    void theInstallerIsOnlyCalledWhenTheContextIsPreparedNotWithEveryEventTheApplicationPublishes() {
        var listener = new org.springframework.context.event.GenericApplicationListenerAdapter(
                ModelRuntimeShutdown.installer());
        assertThat(listener.supportsEventType(org.springframework.core.ResolvableType.forClass(
                org.springframework.boot.context.event.ApplicationPreparedEvent.class))).isTrue();
        assertThat(listener.supportsEventType(org.springframework.core.ResolvableType.forClassWithGenerics(
                org.springframework.context.PayloadApplicationEvent.class, String.class))).isFalse();
        assertThat(listener.supportsEventType(org.springframework.core.ResolvableType.forClass(
                org.springframework.boot.context.event.ApplicationReadyEvent.class))).isFalse();
    }

    @Test
    void stopWaitsForAnInFlightEmbeddingAndRefusesNewOnes() throws Exception {
        CountDownLatch embedding = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> inFlight = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> inFlight.complete(gate.enter(() -> {
            embedding.countDown();
            await(finish);
            return "embedded";
        })));
        assertThat(embedding.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stop = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            ModelRuntimeShutdown.stopInOrder(() -> { }, gate, Duration.ofSeconds(30));
            stop.complete(null);
        });

        Thread.sleep(300);
        assertThat(stop).as("the stop waits for the running call").isNotDone();
        assertThatThrownBy(() -> gate.enter(() -> "new")).isInstanceOf(IllegalStateException.class);

        finish.countDown();
        stop.get(10, TimeUnit.SECONDS);
        assertThat(inFlight.get()).isEqualTo("embedded");
        assertThat(gate.running()).isZero();
    }

    @Test
    void theApplicationClosesWhileTheModelStillWorks() {
        AtomicInteger embeddedWhileClosing = new AtomicInteger();

        ModelRuntimeShutdown.stopInOrder(() -> embeddedWhileClosing.set(gate.enter(() -> 1)), gate,
                Duration.ofSeconds(1));

        assertThat(embeddedWhileClosing).as("a request finishing during the graceful stop still embeds").hasValue(1);
        assertThat(gate.isClosed()).isTrue();
    }

    @Test
    void theGateClosesEvenWhenClosingTheApplicationFails() {
        ModelRuntimeShutdown.stopInOrder(() -> {
            throw new IllegalStateException("a bean failed to stop");
        }, gate, Duration.ofSeconds(1));

        assertThat(gate.isClosed()).isTrue();
    }

    @Test
    void aBatchIsRefusedOnceTheRuntimeIsClosedAndNothingReachesTheExecutor() {
        AtomicInteger tasks = new AtomicInteger();
        Executor counting = task -> {
            tasks.incrementAndGet();
            Thread.ofPlatform().start(task);
        };
        BgeSmallEmbeddingModel model = new BgeSmallEmbeddingModel(BgeSmallEmbeddingModel.modelFile(), counting, gate);
        assertThat(model.embedAll(List.of(TextSegment.from("refund"), TextSegment.from("invoice"))).content())
                .hasSize(2);
        assertThat(gate.running()).as("every batch task has left the gate").isZero();
        int before = tasks.get();

        gate.close(Duration.ofSeconds(5));

        assertThatThrownBy(() -> model.embedAll(List.of(TextSegment.from("a"), TextSegment.from("b"))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> model.embed("one")).isInstanceOf(IllegalStateException.class);
        assertThat(tasks.get()).as("no batch task started after the close").isEqualTo(before);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
