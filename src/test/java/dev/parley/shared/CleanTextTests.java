package dev.parley.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CleanTextTests {

    @Test
    void dropsControlCharactersButKeepsTabsAndLineBreaks() {
        assertThat(CleanText.of("a\u0000b\u001Fc\u007Fd\u0085e\tf\r\ng")).isEqualTo("abcde\tf\r\ng");
    }

    @Test
    void keepsEmojiAndAccentsAndReplacesUnpairedSurrogates() {
        assertThat(CleanText.of("Grüße 👋")).isEqualTo("Grüße 👋");
        assertThat(CleanText.of("x\uD83Dy\uDC4Bz\uD83D")).isEqualTo("x\uFFFDy\uFFFDz\uFFFD");
    }

    @Test
    void cleanTextAndNullPassThroughUnchanged() {
        String clean = "Where is my order?";
        assertThat(CleanText.of(clean)).isSameAs(clean);
        assertThat(CleanText.of(null)).isNull();
    }
}
