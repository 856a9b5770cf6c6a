package dev.parley.assistant.passage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleTextTests {

    @Test
    void readsParagraphsAsSentencesAndJoinsHardWrappedLines() {
        List<ArticleUnit> units = ArticleText.units("""
                ## Refunds
                We email you when the return arrives. Refunds are issued within 2 business
                days after that; see [When will I get my refund?](/help/articles/refund-timing).

                Orders ship from the U.S. warehouse, e.g. boots and tents. Questions? Write to us.""");
        assertThat(units).extracting(ArticleUnit::markdown).containsExactly(
                "We email you when the return arrives.",
                "Refunds are issued within 2 business days after that; see [When will I get my refund?](/help/articles/refund-timing).",
                "Orders ship from the U.S. warehouse, e.g. boots and tents.", "Questions?", "Write to us.");
        assertThat(units).extracting(ArticleUnit::block).containsExactly(0, 0, 1, 1, 1);
        assertThat(units.get(1).plain()).isEqualTo(
                "Refunds are issued within 2 business days after that; see When will I get my refund?.");
    }

    @Test
    void keepsListItemsWholeWithTheirMarkersAndLeadIn() {
        List<ArticleUnit> units = ArticleText.units("""
                You can pay with:
                - **cards**, including
                  Amex
                * PayPal
                3) gift cards

                Done.""");
        assertThat(units).extracting(ArticleUnit::marker).containsExactly(null, "-", "-", "3.", null);
        assertThat(units).extracting(ArticleUnit::markdown)
                .containsExactly("You can pay with:", "**cards**, including Amex", "PayPal", "gift cards", "Done.");
        assertThat(units).extracting(ArticleUnit::block).containsExactly(0, 1, 1, 1, 2);
    }

    @Test
    void turnsTableRowsIntoItems() {
        List<ArticleUnit> units = ArticleText.units("""
                | Method | Cost | Time |
                |---|---|---|
                | Standard | $4.95 | 3-5 days |
                | Express | $12.95 | |
                Free over $75.""");
        assertThat(new Passage(units, true).markdown()).isEqualTo("""
                - Standard, Cost: $4.95, Time: 3-5 days
                - Express, Cost: $12.95

                Free over $75.""");
    }

    @Test
    void readsATwoColumnTableAsNameAndValue() {
        assertThat(ArticleText.units("| Payment | Time |\n|---|---|\n| PayPal | 24 hours |"))
                .extracting(ArticleUnit::markdown).containsExactly("PayPal: 24 hours");
    }

    @Test
    void dropsImagesMarkupAndHtmlButKeepsTheirText() {
        assertThat(ArticleText.units("See ![the label](/img/label.png) <b>here</b>.\n\n---\n```\ncode\n```"))
                .extracting(ArticleUnit::markdown).containsExactly("See the label here.", "code");
    }
}
