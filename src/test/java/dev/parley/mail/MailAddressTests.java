package dev.parley.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MailAddressTests {

    @Test
    void keepsNameAndAddressAndKnowsTheDomain() {
        var address = new MailAddress(" Ann Smith ", "ann@Example.TEST");

        assertThat(address.name()).isEqualTo("Ann Smith");
        assertThat(address.domain()).isEqualTo("example.test");
        assertThat(address).hasToString("\"Ann Smith\" <ann@Example.TEST>");
        assertThat(MailAddress.parse("Ann Smith <ann@example.test>")).isEqualTo(new MailAddress("Ann Smith", "ann@example.test"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ann", "ann@", "@example.test", "ann smith@example.test", "Ann <ann@example.test>",
            "ann@example.test, bob@example.test", "ann@exa mple.test"})
    void refusesWhatIsNotOneBareAddress(String text) {
        assertThatThrownBy(() -> MailAddress.of(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
