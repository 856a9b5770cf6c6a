package dev.parley.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColoursTests {

    @Test
    void shortAndUpperCaseHexIsWrittenLongAndLowerAndAnythingElseIsNotAColour() {
        assertThat(Colours.hex(" #FD0 ")).isEqualTo("#ffdd00");
        assertThat(Colours.hex("#4338CA")).isEqualTo("#4338ca");
        assertThat(Colours.hex("blue")).isNull();
        assertThat(Colours.hex("#12345")).isNull();
        assertThat(Colours.hex(null)).isNull();
    }

    @Test
    void textOnAColourIsWhicheverOfDarkAndWhiteContrastsMore() {
        assertThat(Colours.textOn("#ffffff")).isEqualTo(Colours.DARK_TEXT);
        assertThat(Colours.textOn("#22c55e")).isEqualTo(Colours.DARK_TEXT);
        assertThat(Colours.textOn("#000000")).isEqualTo("#ffffff");
        assertThat(Colours.textOn("#b91c1c")).isEqualTo("#ffffff");
    }

    @Test
    void aLightColourIsDarkenedInItsOwnHueUntilTextInItReadsOnWhite() {
        assertThat(Colours.readableOnWhite("#4338ca")).isEqualTo("#4338ca");
        String yellow = Colours.readableOnWhite("#fde047");
        assertThat(Colours.isLight(yellow)).isFalse();
        assertThat(yellow).isNotEqualTo("#000000");
        assertThat(Integer.parseInt(yellow.substring(1, 3), 16)).as("still yellow: more red than blue")
                .isGreaterThan(Integer.parseInt(yellow.substring(5), 16));
        assertThat(Colours.isLight(Colours.readableOnWhite("#ffffff"))).isFalse();
    }
}
