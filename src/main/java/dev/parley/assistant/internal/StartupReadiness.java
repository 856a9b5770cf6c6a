package dev.parley.assistant.internal;

import dev.parley.assistant.AssistantReadiness;
import dev.parley.knowledge.KnowledgeBase;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ready once the scorer and the search index have caught up with the knowledge version there was at start (a
 * false "no answer" to every question otherwise), then ready for good. "At start" is when the application became
 * ready (after the demo knowledge base loaded), or the first question if that came earlier: a readiness first asked
 * for hours later must not wait for whatever the knowledge base became since.
 */
@Component
class StartupReadiness implements AssistantReadiness {

    private final TrainedScorer scorer;
    private final KnowledgeBase knowledge;
    private volatile long target = -1;
    private volatile boolean ready;

    StartupReadiness(TrainedScorer scorer, KnowledgeBase knowledge) {
        this.scorer = scorer;
        this.knowledge = knowledge;
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        if (target < 0) {
            target = knowledge.version();
        }
    }

    @Override
    public boolean ready() {
        if (!ready) {
            if (target < 0) {
                target = knowledge.version();
            }
            ready = scorer.current().version() >= target && knowledge.searchableVersion() >= target;
        }
        return ready;
    }
}
