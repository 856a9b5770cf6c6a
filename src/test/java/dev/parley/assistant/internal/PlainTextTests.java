package dev.parley.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTests {

    @Test
    void dropsEmphasisAndHeadingsAndSpellsOutLinks() {
        String markdown = """
                ## Before the order ships
                1. Sign in and go to **Account → Orders**, pick the order and choose *Return items*.
                - Use `RETURN10` at checkout
                See [When will I get my refund?](/help/articles/refund-timing) or https://example.com/a_b_c.""";
        assertThat(PlainText.fromMarkdown(markdown)).isEqualTo("""
                Before the order ships
                1. Sign in and go to Account → Orders, pick the order and choose Return items.
                • Use RETURN10 at checkout
                See When will I get my refund? (/help/articles/refund-timing) or https://example.com/a_b_c.""");
    }

    @Test
    void leavesPlainTextAndArithmeticAlone() {
        assertThat(PlainText.fromMarkdown("2 * 3 = 6 and snake_case_names stay")).isEqualTo("2 * 3 = 6 and snake_case_names stay");
    }
}
