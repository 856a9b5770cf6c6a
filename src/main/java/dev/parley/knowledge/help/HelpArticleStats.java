package dev.parley.knowledge.help;

import dev.parley.knowledge.ArticleStats;
import dev.parley.knowledge.internal.ArticleCitationRepository;
import dev.parley.knowledge.internal.HelpViewRepository;
import dev.parley.knowledge.internal.HelpVoteRepository;
import dev.parley.knowledge.internal.HelpVoteRepository.Votes;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link ArticleStats} from the help center's views and votes and the assistant's citations. */
@Component
class HelpArticleStats implements ArticleStats {

    private final HelpViewRepository views;
    private final HelpVoteRepository votes;
    private final ArticleCitationRepository citations;

    HelpArticleStats(HelpViewRepository views, HelpVoteRepository votes, ArticleCitationRepository citations) {
        this.views = views;
        this.votes = votes;
        this.citations = citations;
    }

    @Override
    @Transactional(readOnly = true)
    public Stats of(String articleId) {
        Votes v = votes.votes(articleId);
        return new Stats(views.views(articleId), v.helpful(), v.notHelpful(), citations.citations(articleId));
    }
}
