package dev.parley.assistant.internal;

import dev.parley.assistant.AssistantSettings;
import dev.parley.assistant.internal.encoder.EncoderStore;
import dev.parley.assistant.internal.scoring.ScorerStore;
import dev.parley.cluster.NodeSettings;
import dev.parley.engine.encoder.EncoderTuning;
import dev.parley.engine.runtime.TextEmbeddings;
import dev.parley.engine.scoring.ScorerTrainer;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.KnowledgeChanged;
import dev.parley.storage.FileStorage;
import net.javacrumbs.shedlock.core.LockProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.event.TransactionalEventListener;

/** Wires the trained scorer and keeps it in step with published knowledge. */
@Configuration(proxyBeanMethods = false)
class AssistantConfiguration {

    @Bean
    TrainedScorer trainedScorer(KnowledgeBase knowledge, TextEmbeddings embeddings, AssistantSettings settings,
            FileStorage files, NodeSettings node, LockProvider locks) {
        var defaults = ScorerTrainer.Options.defaults();
        var options = new ScorerTrainer.Options(defaults.folds(), settings.outOfScopeShare(),
                defaults.maxHeldOutPerFold(), defaults.seed());
        // Every node with tuning on reads the tuned pair back; only workers tune it (ADR 0032).
        var tuning = settings.encoderTuning() ? new EncoderTuning(new EncoderStore(files)) : null;
        var store = new ScorerStore(files, options.toString(), tuning);
        var sharing = new ScorerSharing(node.worker(), settings.encoderTuning() && node.worker(), locks,
                node.trainFallbackAfter());
        return new TrainedScorer(knowledge, new ScorerTrainer(embeddings, options, tuning), store, sharing);
    }

    @Bean
    ScorerRetraining scorerRetraining(TrainedScorer scorer) {
        return new ScorerRetraining(scorer);
    }

    /** Trains once the application is up, and again after every committed knowledge change. */
    static class ScorerRetraining {

        private final TrainedScorer scorer;

        ScorerRetraining(TrainedScorer scorer) {
            this.scorer = scorer;
        }

        // first among the listeners of the ready event (republishing events, channels' polls...): readiness waits for
        // the scorer, and reading it back runs on the scorer's own thread
        @EventListener(ApplicationReadyEvent.class)
        @Order(Ordered.HIGHEST_PRECEDENCE)
        void onStart() {
            scorer.refresh();
        }

        // After commit when published inside a transaction, at once otherwise; training itself runs on
        // the scorer's own thread, so the publisher never waits for it.
        @TransactionalEventListener(fallbackExecution = true)
        void on(KnowledgeChanged event) {
            scorer.onKnowledgeChanged(event);
        }
    }
}
