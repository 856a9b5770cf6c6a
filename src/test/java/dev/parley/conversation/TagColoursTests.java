package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.shared.ApiException;
import dev.parley.shared.Colours;
import org.junit.jupiter.api.Test;

class TagColoursTests {

    @Test
    void acceptsHexColoursAndStoresThemInFullLowerCase() {
        assertThat(TagColours.valid(" #0369A1 ")).isEqualTo("#0369a1");
        assertThat(TagColours.valid("#AbC")).isEqualTo("#aabbcc");
    }

    @Test
    void refusesAnythingElseWithTheAcceptedForm() {
        for (String bad : new String[] {"red", "#12345", "#1234567", "0369a1", "#ggg000", "", null}) {
            assertThatThrownBy(() -> TagColours.valid(bad)).isInstanceOf(ApiException.class)
                    .hasMessageContaining("#0369a1");
        }
    }

    @Test
    void everyPaletteColourReadsWellWithItsChosenText() {
        for (String colour : TagColours.PALETTE) {
            Tag tag = new Tag(null, "x", colour);
            assertThat(contrast(colour, tag.textColour())).as(colour).isGreaterThanOrEqualTo(4.5);
        }
        assertThat(new Tag(null, "x", "#fde68a").textColour()).isEqualTo("#111827");
        assertThat(new Tag(null, "x", "#1e3a8a").textColour()).isEqualTo("#ffffff");
    }

    @Test
    void aNewTagGetsTheSamePaletteColourForTheSameName() {
        assertThat(TagColours.forName("Billing")).isEqualTo(TagColours.forName("billing"))
                .isIn(TagColours.PALETTE);
    }

    private static double contrast(String a, String b) {
        double la = Colours.luminance(a) + 0.05;
        double lb = Colours.luminance(b) + 0.05;
        return Math.max(la, lb) / Math.min(la, lb);
    }
}
