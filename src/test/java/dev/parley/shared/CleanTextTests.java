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
    void aCutNeverSplitsAnEmojiInHalfAndAShortenedTextSaysSoWithinTheLimit() {
        assertThat(CleanText.cut("Hi 👋 there", 4)).isEqualTo("Hi ");
        assertThat(CleanText.cut("Hi 👋 there", 5)).isEqualTo("Hi 👋");
        assertThat(CleanText.cut("short", 10)).isEqualTo("short");
        assertThat(CleanText.cut(null, 3)).isNull();
        assertThat(CleanText.shorten("Where is my order?", 11)).isEqualTo("Where is m…").hasSize(11);
        assertThat(CleanText.shorten("Where is my order?", 10)).isEqualTo("Where is…");
        assertThat(CleanText.shorten("Hi 👋 there", 5)).isEqualTo("Hi…");
        assertThat(CleanText.shorten("Where", 5)).isEqualTo("Where");
    }

    @Test
    void cleanTextAndNullPassThroughUnchanged() {
        String clean = "Where is my order?";
        assertThat(CleanText.of(clean)).isSameAs(clean);
        assertThat(CleanText.of(null)).isNull();
    }

    @Test
    void textOfOnlyInvisibleCharactersIsBlank() {
        for (String blank : new String[] {null, "", " \t\n", "\u200b", "\u200b\u200c\u200d\u2060\ufeff", "\u00ad\u200e",
            "\u3164", "\u0301", "\u2800", "\u3000", "\ufffd"}) {
            assertThat(CleanText.isBlank(blank)).as("%s", blank).isTrue();
            assertThat(CleanText.hasWords(blank)).as("%s", blank).isFalse();
        }
        assertThat(CleanText.isBlank("🙂")).isFalse();
        assertThat(CleanText.hasWords("🙂 ?!")).isFalse();
        assertThat(CleanText.hasWords("\u200bé")).isTrue();
        assertThat(CleanText.hasWords("42")).isTrue();
        assertThat(CleanText.hasWords("注文はどこ")).isTrue();
    }
}
