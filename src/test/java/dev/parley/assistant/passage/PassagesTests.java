package dev.parley.assistant.passage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.internal.DemoArticles;
import dev.parley.assistant.internal.Fixtures;
import dev.parley.knowledge.KnowledgeArticle;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassagesTests {

    private static List<ArticleUnit> sentences(String... texts) {
        return java.util.stream.IntStream.range(0, texts.length)
                .mapToObj(i -> new ArticleUnit(i / 2, null, texts[i])).toList();
    }

    @Test
    void startsFromTheMostSimilarUnitAndGrowsTowardsTheMoreSimilarNeighbour() {
        var units = sentences("a".repeat(90) + ".", "b".repeat(90) + ".", "c".repeat(90) + ".", "d".repeat(90) + ".");
        Passage passage = Passages.grow(units, new double[] {0.1, 0.5, 0.9, 0.85}, 200);
        assertThat(passage.units()).containsExactly(units.get(2), units.get(3));
        assertThat(passage.whole()).isFalse();
    }

    @Test
    void stopsAtAMuchLessSimilarNeighbourOnceUseful() {
        var units = sentences("a".repeat(90) + ".", "b".repeat(250) + ".", "c".repeat(90) + ".");
        assertThat(Passages.grow(units, new double[] {0.2, 0.9, 0.3}, 600).units()).containsExactly(units.get(1));
    }

    @Test
    void bringsAListsLeadInAlong() {
        var units = List.of(new ArticleUnit(0, null, "x".repeat(300) + "."), new ArticleUnit(1, null, "You can pay with:"),
                new ArticleUnit(2, "-", "cards"), new ArticleUnit(2, "-", "PayPal"));
        Passage passage = Passages.grow(units, new double[] {0.5, 0.1, 0.9, 0.8}, 200);
        assertThat(passage.markdown()).isEqualTo("You can pay with:\n\n- cards\n- PayPal");
    }

    @Test
    void keepsTheRestOfAListItIsInWhenItFits() {
        var units = List.of(new ArticleUnit(0, null, "x".repeat(100) + "."), new ArticleUnit(1, "-", "cards"),
                new ArticleUnit(1, "-", "PayPal"), new ArticleUnit(1, "-", "gift cards"),
                new ArticleUnit(2, null, "y".repeat(100) + "."));
        Passage passage = Passages.grow(units, new double[] {0.2, 0.3, 0.9, 0.1, 0.1}, 200);
        assertThat(passage.markdown()).endsWith("\n\n- cards\n- PayPal\n- gift cards").doesNotContain("yyy");
    }

    @Test
    void cutsASingleOverlongSentenceAtAWordWithoutOpenMarkup() {
        var units = List.of(new ArticleUnit(0, null, "[link](/x) " + "word ".repeat(100) + "end."));
        Passage passage = Passages.grow(units, new double[] {1}, 200);
        assertThat(passage.markdown()).startsWith("link word").endsWith(" …").hasSizeLessThanOrEqualTo(202);
    }

    @Test
    void answersWithThePartOfTheDemoArticleThatAnswers() {
        KnowledgeArticle tracking = DemoArticles.all().stream().filter(a -> a.id().equals("track-your-order"))
                .findFirst().orElseThrow();
        var passages = new Passages(Fixtures.embeddings());
        Passage stalled = passages.best("the tracking page has not changed for days", tracking.body(), 300);
        assertThat(stalled.markdown()).contains("no update for 5 business days").hasSizeLessThanOrEqualTo(300)
                .doesNotContain("\n1.");
        Passage shipping = passages.best("when will my order ship?", tracking.body(), 300);
        assertThat(shipping.markdown()).contains("Orders usually ship within 1 business day");
        assertThat(passages.best("anything", "Short article.", 300).whole()).isTrue();
    }
}
