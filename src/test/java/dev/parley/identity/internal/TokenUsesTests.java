package dev.parley.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenUsesTests {

    private final TokenUses uses = new TokenUses();
    private final Instant start = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void aTokensFirstUseIsWritten() {
        assertThat(uses.due("a", start)).isTrue();
    }

    @Test
    void usesWithinAMinuteOfTheLastWrittenOneAreNotWrittenAgain() {
        uses.due("a", start);

        assertThat(uses.due("a", start)).isFalse();
        assertThat(uses.due("a", start.plusSeconds(59))).isFalse();
    }

    @Test
    void aUseAMinuteAfterTheLastWrittenOneIsWrittenAndStartsTheNextMinute() {
        uses.due("a", start);
        uses.due("a", start.plusSeconds(30));

        assertThat(uses.due("a", start.plusSeconds(60))).isTrue();
        assertThat(uses.due("a", start.plusSeconds(119))).isFalse();
        assertThat(uses.due("a", start.plusSeconds(120))).isTrue();
    }

    @Test
    void eachTokenHasItsOwnMinute() {
        uses.due("a", start);

        assertThat(uses.due("b", start.plusSeconds(1))).isTrue();
        assertThat(uses.due("a", start.plusSeconds(1))).isFalse();
    }
}
