package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModelPreloadTests {

    @Test
    void theModelLoadsAndEmbedsOnItsOwnThreadOnceTheContextIsBeingBuilt() throws Exception {
        var loads = new AtomicInteger();
        var embedded = new CountDownLatch(1);
        var threads = new java.util.concurrent.ConcurrentLinkedQueue<String>();
        var preload = new ModelPreload(() -> {
            loads.incrementAndGet();
            threads.add(Thread.currentThread().getName());
            return new CountingModel(embedded);
        });

        preload.postProcessBeanFactory(null);

        assertThat(embedded.await(10, TimeUnit.SECONDS)).as("the warm-up text was embedded without anyone asking").isTrue();
        EmbeddingModel first = preload.model();
        assertThat(preload.model()).isSameAs(first);
        assertThat(loads).hasValue(1);
        assertThat(threads).containsExactly("embedding-model-preload");
    }

    @Test
    void aFailedPreloadIsTriedAgainOnFirstUseAndItsErrorReachesTheCaller() {
        var loads = new AtomicInteger();
        var preload = new ModelPreload(() -> {
            if (loads.incrementAndGet() == 1) {
                throw new IllegalStateException("native library missing");
            }
            return new CountingModel(new CountDownLatch(1));
        });
        preload.postProcessBeanFactory(null);

        assertThat(preload.model()).isNotNull();
        assertThat(loads).hasValue(2);

        var failing = new ModelPreload(() -> {
            throw new IllegalStateException("native library missing");
        });
        assertThatThrownBy(failing::model).hasMessage("native library missing");
    }

    private record CountingModel(CountDownLatch embedded) implements EmbeddingModel {
        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            embedded.countDown();
            return Response.from(segments.stream().map(s -> Embedding.from(new float[] {1f, 0f})).toList());
        }
    }
}
