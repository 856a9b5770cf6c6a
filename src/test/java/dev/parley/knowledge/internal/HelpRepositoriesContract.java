package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** What the help-center repositories must do on every database Parley supports; subclasses pick it. */
abstract class HelpRepositoriesContract {

    @Autowired
    ArticleRepository articles;
    @Autowired
    HelpViewRepository views;
    @Autowired
    HelpVoteRepository votes;
    @Autowired
    ArticleCitationRepository citations;
    @Autowired
    HelpCatalogRepository catalog;
    @Autowired
    TransactionTemplate tx;

    private final String prefix = "help-repo-" + UUID.randomUUID().toString().substring(0, 8);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void countsAViewOncePerVisitorWithinTheWindowAndRanksTheMostViewed() {
        String popular = save("popular", "Popular", "c", ArticleStatus.PUBLISHED);
        String quiet = save("quiet", "Quiet", "c", ArticleStatus.PUBLISHED);
        UUID ada = UUID.randomUUID();
        Instant hourAgo = now.minus(Duration.ofHours(1));

        assertThat(views.countView(popular, ada, now, hourAgo)).isTrue();
        assertThat(views.countView(popular, ada, now.plusSeconds(60), hourAgo.plusSeconds(60))).isFalse();
        assertThat(views.countView(popular, UUID.randomUUID(), now, hourAgo)).isTrue();
        assertThat(views.countView(quiet, ada, now, hourAgo)).isTrue();
        assertThat(views.countView(popular, ada, now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(1)))).isTrue();

        assertThat(views.views(popular)).isEqualTo(3);
        assertThat(views.views(quiet)).isEqualTo(1);
        assertThat(views.mostViewed(1000).stream().map(ArticleTitle::id).filter(id -> id.startsWith(prefix)))
                .containsExactly(popular, quiet);
        assertThat(views.forgetBefore(now.plus(Duration.ofDays(3650)))).isGreaterThanOrEqualTo(3);
        assertThat(views.views(popular)).as("totals stay when view times are forgotten").isEqualTo(3);
    }

    @Test
    void aLaterVoteReplacesTheVisitorsEarlierOne() {
        String id = save("votes", "Votes", null, ArticleStatus.PUBLISHED);
        UUID ada = UUID.randomUUID();

        votes.vote(id, ada, true, now);
        votes.vote(id, ada, false, now.plusSeconds(5));
        votes.vote(id, UUID.randomUUID(), true, now);

        assertThat(votes.votes(id)).isEqualTo(new HelpVoteRepository.Votes(1, 1));
        assertThat(votes.voteOf(id, ada)).contains(false);
        assertThat(votes.voteOf(id, UUID.randomUUID())).isEmpty();
        assertThat(votes.votes(prefix + "-none")).isEqualTo(new HelpVoteRepository.Votes(0, 0));
    }

    @Test
    void countsEachMessagesCitationOnceAndIgnoresUnknownArticles() {
        String id = save("cited", "Cited", null, ArticleStatus.PUBLISHED);
        UUID message = UUID.randomUUID();

        assertThat(citations.cite(id, message, now)).isTrue();
        assertThat(citations.cite(id, message, now)).isFalse();
        assertThat(citations.cite(id, UUID.randomUUID(), now)).isTrue();
        assertThat(citations.cite(prefix + "-missing", message, now)).isFalse();

        assertThat(citations.citations(id)).isEqualTo(2);
    }

    @Test
    void listsPublishedArticlesByCategoryAndForgetsStatsOfDeletedArticles() {
        String category = prefix + " category";
        String b = save("b", "Beta", category, ArticleStatus.PUBLISHED);
        String a = save("a", "Alpha", category, ArticleStatus.PUBLISHED);
        save("draft", "Draft", category, ArticleStatus.DRAFT);

        assertThat(catalog.categories()).contains(new HelpCatalogRepository.Category(category, 2));
        assertThat(catalog.inCategory(category)).extracting(HelpCatalogRepository.Listed::id).containsExactly(a, b);
        assertThat(catalog.inCategory(category).getFirst().bodyStart()).isEqualTo("Body of Alpha");
        assertThat(catalog.published()).extracting(HelpCatalogRepository.Published::id).contains(a, b)
                .doesNotContain(prefix + "-draft");

        views.countView(a, UUID.randomUUID(), now, now.minusSeconds(3600));
        votes.vote(a, UUID.randomUUID(), true, now);
        citations.cite(a, UUID.randomUUID(), now);
        tx.executeWithoutResult(s -> articles.delete(a));

        assertThat(views.views(a)).isZero();
        assertThat(votes.votes(a)).isEqualTo(new HelpVoteRepository.Votes(0, 0));
        assertThat(citations.citations(a)).isZero();
    }

    private String save(String suffix, String title, String category, ArticleStatus status) {
        String id = prefix + "-" + suffix;
        Article article = new Article(id, title, "Body of " + title, category, List.of(), "en", status, List.of(), now,
                now);
        tx.executeWithoutResult(s -> articles.save(List.of(article), Set.of()));
        return id;
    }
}
