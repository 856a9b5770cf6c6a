package dev.parley.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How texts become the words and prefixes the inbox search hashes. */
class SearchTermsTests {

    @Test
    void wordsAreLowerCasedAccentFoldedAndSplitOnAnythingButLettersAndDigits() {
        assertThat(SearchTerms.words("Où est ma COMMANDE n°42? Ada.L@Shop.example"))
                .containsExactly("ou", "est", "ma", "commande", "n", "42", "ada", "l", "shop", "example");
        assertThat(SearchTerms.words("  --!! ")).isEmpty();
        assertThat(SearchTerms.words(null)).isEmpty();
    }

    @Test
    void aWordIsFoundByEachPrefixFromThreeLettersAndAShortWordAsItIs() {
        assertThat(SearchTerms.terms("Refund ok")).containsExactly("ref", "refu", "refun", "refund", "ok");
    }

    @Test
    void prefixesStopAtSixteenCharacters() {
        assertThat(SearchTerms.terms("internationalisation"))
                .hasSize(SearchTerms.MAX_PREFIX - SearchTerms.MIN_PREFIX + 1)
                .contains("internationalisa").doesNotContain("internationalisat");
    }

    @Test
    void aQueryKeepsItsFirstTwelveDistinctWordsEachCutToTheLongestPrefix() {
        assertThat(SearchTerms.queryTerms("Refund refund INTERNATIONALISATION")).containsExactly("refund", "internationalisa");
        assertThat(SearchTerms.queryTerms("a b c d e f g h i j k l m n o")).hasSize(SearchTerms.MAX_QUERY_WORDS)
                .startsWith("a").endsWith("l");
    }
}
