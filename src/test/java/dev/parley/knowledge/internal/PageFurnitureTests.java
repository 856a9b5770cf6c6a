package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Page numbers and running heads of a PDF are left out of its text; the text itself stays. */
class PageFurnitureTests {

    @Test
    void pageNumbersAloneAtTheTopOrBottomOfAPageAreLeftOut() {
        List<List<String>> pages = List.of(
                List.of("Returns", "Send it back within 30 days.", "", "7"),
                List.of("- 8 -", "Refunds take five days."),
                List.of("Exchanges are free.", "", "ix"));

        assertThat(strip(pages)).containsExactly(
                List.of("Returns", "Send it back within 30 days.", ""),
                List.of("Refunds take five days."),
                List.of("Exchanges are free.", ""));
    }

    @Test
    void aLineRepeatedAtTheEdgeOfThreePagesIsARunningHeadWhateverItsNumbers() {
        List<List<String>> pages = List.of(
                List.of("Chapter 2: Care 3", "Wash it cold.", "Northwind Outfitters"),
                List.of("Chapter 2: Care 4", "Dry it flat.", "Northwind Outfitters"),
                List.of("Chapter 2: Care 5", "Store it dry.", "Northwind Outfitters"),
                List.of("Chapter 3: Repairs 6", "We fix seams.", "Northwind Outfitters"));

        assertThat(strip(pages)).containsExactly(List.of("Wash it cold."), List.of("Dry it flat."),
                List.of("Store it dry."), List.of("Chapter 3: Repairs 6", "We fix seams."));
    }

    @Test
    void textThatOnlyLooksLikeFurnitureStays() {
        List<List<String>> pages = List.of(
                List.of("Civil", "Terms apply.", "Call us", "in the morning", "Call us"),
                List.of("Mix", "Contact us anytime.", "Call us"),
                List.of("Step 1: open the box", "Then lift the kettle out.", "Keep the box for returns."));

        assertThat(strip(pages)).isEqualTo(pages);
    }

    private static List<List<String>> strip(List<List<String>> pages) {
        return PageFurniture.strip(pages, Function.identity());
    }
}
