package dev.parley.knowledge.internal;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Loads the embedding model on a thread of its own as soon as the application context is being built, before any bean
 * is made, and embeds one text: the ONNX session, the tokenizer and the first inference (2-4 s) then overlap Spring's
 * start on the other core instead of following it, so a restart is ready that much sooner (issue 16, item 5). The
 * model bean waits for it; a failed load is tried once more on first use, which reports the error as before.
 */
final class ModelPreload implements BeanFactoryPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(ModelPreload.class);
    static final String WARM_UP_TEXT = "How do I get in touch with you?";

    private final Supplier<? extends EmbeddingModel> load;
    private final CompletableFuture<EmbeddingModel> loaded = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();

    ModelPreload(Supplier<? extends EmbeddingModel> load) {
        this.load = load;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        start();
    }

    void start() {
        if (started.compareAndSet(false, true)) {
            Thread.ofPlatform().name("embedding-model-preload").daemon().start(() -> {
                long begin = System.nanoTime();
                try {
                    EmbeddingModel model = load.get();
                    model.embed(WARM_UP_TEXT);
                    loaded.complete(model);
                    log.info("Embedding model loaded in {} ms", (System.nanoTime() - begin) / 1_000_000);
                } catch (RuntimeException | Error e) {
                    loaded.completeExceptionally(e);
                }
            });
        }
    }

    /** The preloaded model, waiting for it if it is still loading. */
    EmbeddingModel model() {
        start();
        try {
            return loaded.join();
        } catch (CompletionException e) {
            log.warn("Loading the embedding model ahead failed ({}); loading it now", e.getCause().toString());
            return load.get();
        }
    }
}
