package dev.parley.assistant.internal.scoring;

import dev.parley.engine.encoder.TunedEncoder;
import dev.parley.engine.scoring.ArticleScorer;
import dev.parley.knowledge.KnowledgeArticle;

/** Scorers on a tuned encoder for tests of how they are stored and shared, without tuning a knowledge base. */
public final class TunedScorers {

    private TunedScorers() {
    }

    /** {@code scorer}'s model and calibrator, as if trained on {@code encoder}. */
    public static ArticleScorer<KnowledgeArticle> on(ArticleScorer<KnowledgeArticle> scorer, TunedEncoder encoder) {
        return new ArticleScorer<>(scorer.version(), scorer.articles(), scorer.model(), scorer.calibrator(), encoder);
    }
}
