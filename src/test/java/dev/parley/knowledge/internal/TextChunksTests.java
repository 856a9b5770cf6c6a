package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextChunksTests {

    @Test
    void keepsShortBodiesInOneChunkWithoutMarkup() {
        assertThat(TextChunks.of("## Heading\n\n- **Bold** item with [a link](/x)\n", 500))
                .containsExactly("Heading\nBold item with a link");
    }

    @Test
    void cutsLongBodiesOnParagraphBoundaries() {
        String paragraph = "word ".repeat(40).strip();
        List<String> chunks = TextChunks.of(String.join("\n\n", paragraph, paragraph, paragraph, paragraph), 500);
        assertThat(chunks).hasSize(2).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(500));
    }

    @Test
    void splitsAnOverlongParagraphAtSentencesAndThenHard() {
        String sentence = "This sentence is about forty characters. ";
        List<String> chunks = TextChunks.of(sentence.repeat(40) + "x".repeat(1200), 500);
        assertThat(chunks).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(500));
        assertThat(String.join("", chunks).replace("\n", "")).contains("x".repeat(1200));
    }

    @Test
    void summarisesAtAWordBoundary() {
        assertThat(TextChunks.summary("**Hello** there, wonderful world", 20)).isEqualTo("Hello there,…");
    }
}
