package dev.parley.assistant.internal;

import dev.parley.assistant.AssistantReadiness;
import dev.parley.knowledge.KnowledgeBase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ready once the scorer and the search index have caught up with the knowledge version there was at start (a
 * false "no answer" to every question otherwise) and one question has been through the assistant's decision, then
 * ready for good. "At start" is when the application became ready (after the demo knowledge base loaded), or the
 * first question if that came earlier: a readiness first asked for hours later must not wait for whatever the
 * knowledge base became since. The warm-up question loads what a restart with an unchanged knowledge base still
 * loads lazily (the embedding models' native sessions, the tokenizer, the decision's code paths), so the first
 * customer after "ready" does not wait for it; it starts as soon as the knowledge is loaded, and a failing
 * warm-up is logged and does not hold readiness back.
 */
@Component
class StartupReadiness implements AssistantReadiness, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StartupReadiness.class);
    private static final String WARM_UP_QUESTION = "How do I get in touch with you?";
    private static final Duration LONGEST_WAIT_FOR_KNOWLEDGE = Duration.ofHours(1);

    private final TrainedScorer scorer;
    private final KnowledgeBase knowledge;
    private final Runnable warmUp;
    private final AtomicBoolean warming = new AtomicBoolean();
    private volatile long target = -1;
    private volatile boolean warm;
    private volatile boolean ready;
    private volatile boolean closed;

    @Autowired
    StartupReadiness(TrainedScorer scorer, KnowledgeBase knowledge, ObjectProvider<KnowledgeAssistant> assistant) {
        this(scorer, knowledge, () -> assistant.getObject().decide(WARM_UP_QUESTION, List.of()));
    }

    StartupReadiness(TrainedScorer scorer, KnowledgeBase knowledge, Runnable warmUp) {
        this.scorer = scorer;
        this.knowledge = knowledge;
        this.warmUp = warmUp;
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        if (target < 0) {
            target = knowledge.version();
        }
        Thread.ofVirtual().name("assistant-warm-up").start(this::warmUpOnceLoaded);
    }

    @Override
    public boolean ready() {
        if (!ready) {
            if (target < 0) {
                target = knowledge.version();
            }
            if (loaded()) {
                warmUp();
                ready = warm;
            }
        }
        return ready;
    }

    @Override
    public void destroy() {
        closed = true;
    }

    private boolean loaded() {
        return target >= 0 && scorer.current().version() >= target && knowledge.searchableVersion() >= target;
    }

    private void warmUpOnceLoaded() {
        long deadline = System.nanoTime() + LONGEST_WAIT_FOR_KNOWLEDGE.toNanos();
        try {
            while (!loaded()) {
                if (closed || System.nanoTime() > deadline) {
                    return;
                }
                Thread.sleep(25);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        warmUp();
    }

    private void warmUp() {
        if (!warming.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("assistant-warm-up").start(() -> {
            long start = System.nanoTime();
            try {
                if (!closed) {
                    warmUp.run();
                    log.info("Assistant warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
                }
            } catch (RuntimeException e) {
                log.warn("The assistant's warm-up question failed; ready anyway: {}", e.toString());
            } finally {
                warm = true;
            }
        });
    }
}
