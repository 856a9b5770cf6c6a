package dev.parley.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmsTextTests {

    @Test
    void markdownBecomesPlainText() {
        assertThat(SmsText.plain("""
                # Returns

                **Good news:** you can return it within *30 days*, see [our policy](https://shop.example/returns "Policy").
                * Print the `label`
                * Drop it at <https://post.example>
                > Quoted ~~old~~ text
                ---
                ```
                code block
                ```
                snake_case_name stays, and 2 * 3 = 6 too."""))
                .isEqualTo("""
                        Returns

                        Good news: you can return it within 30 days, see our policy (https://shop.example/returns).
                        - Print the label
                        - Drop it at https://post.example
                        Quoted old text

                        code block
                        snake_case_name stays, and 2 * 3 = 6 too.""");
        assertThat(SmsText.plain("[https://a.example](https://a.example) and ![](https://img.example/x.png)"))
                .isEqualTo("https://a.example and https://img.example/x.png");
    }

    @Test
    void longTextIsSplitAtSentencesThenWordsNeverAboveTheLimit() {
        String sentences = "This is one sentence. ".repeat(200).strip();
        List<String> parts = SmsText.split(sentences, 1600);
        assertThat(parts).hasSize(3).allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(1600).endsWith("."));
        assertThat(String.join(" ", parts)).isEqualTo(sentences);

        String words = "word ".repeat(500).strip();
        assertThat(SmsText.split(words, 1600)).allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(1600)
                .doesNotStartWith(" ").endsWith("word"));

        String oneWord = "x".repeat(3500);
        assertThat(SmsText.split(oneWord, 1600)).extracting(String::length).containsExactly(1600, 1600, 300);
        assertThat(SmsText.split("short", 1600)).containsExactly("short");
    }
}
