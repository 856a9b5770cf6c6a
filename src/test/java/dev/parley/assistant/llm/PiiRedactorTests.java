package dev.parley.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PiiRedactorTests {

    private final PiiRedactor redactor = new PiiRedactor(TestSettings.offline(false));

    @Test
    void replacesEmailAddressesWithNumberedPlaceholders() {
        assertThat(redactor.redact("Write to jane.doe+help@example.co.uk or bob@acme.io, not jane.doe+help@example.co.uk"))
                .isEqualTo("Write to [EMAIL_1] or [EMAIL_2], not [EMAIL_1]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111", "5500 0000 0000 0004",
            "378282246310005"})
    void replacesCardNumbersThatPassLuhn(String card) {
        assertThat(redactor.redact("my card " + card + " was charged twice")).isEqualTo("my card [CARD_1] was charged twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111 1111 1111 1112", "1234567812345678"})
    void keepsSixteenDigitNumbersThatFailLuhn(String number) {
        assertThat(redactor.redact("reference " + number)).isEqualTo("reference " + number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432", "fr1420041010050500013m02606"})
    void replacesIbansWithAValidChecksum(String iban) {
        assertThat(redactor.redact("refund to " + iban + " please")).isEqualTo("refund to [IBAN_1] please");
    }

    @Test
    void keepsIbanLookalikesWithABadChecksum() {
        assertThat(redactor.redact("refund to GB82WEST12345698765433")).isEqualTo("refund to GB82WEST12345698765433");
    }

    @ParameterizedTest
    @CsvSource({"'SSN 123-45-6789.', 'SSN [NATIONAL_ID_1].'", "'NI number AB 12 34 56 C', 'NI number [NATIONAL_ID_1]'",
            "'NI number ab123456c!', 'NI number [NATIONAL_ID_1]!'"})
    void replacesNationalIds(String text, String expected) {
        assertThat(redactor.redact(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+49 30 1234567", "(555) 123-4567", "020 7946 0958", "0044 20 7946 0958", "+1-202-555-0143",
            "555.123.4567"})
    void replacesPhoneNumbers(String phone) {
        assertThat(redactor.redact("call me on " + phone + " today")).isEqualTo("call me on [PHONE_1] today");
    }

    @ParameterizedTest
    @ValueSource(strings = {"order 12345678 is late", "since 2024-01-15", "version 1.2.3", "room 101, floor 3",
            "3 items for 49.99 EUR", "ticket #98765"})
    void leavesOrdinaryNumbersAlone(String text) {
        assertThat(redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void numbersPlaceholdersAcrossAConversationAndRestoresThem() {
        var session = redactor.session();
        String first = session.redact("I'm jane@example.com, card 4111 1111 1111 1111");
        String second = session.redact("Also try jane@example.com or sam@example.com");

        assertThat(first).isEqualTo("I'm [EMAIL_1], card [CARD_1]");
        assertThat(second).isEqualTo("Also try [EMAIL_1] or [EMAIL_2]");
        assertThat(session.restore("We wrote to [EMAIL_2].")).isEqualTo("We wrote to sam@example.com.");
    }

    @Test
    void redactsStoredTranscriptsOnlyWhenConfigured() {
        String text = "mail me at jane@example.com";

        assertThat(redactor.forStorage(text)).isEqualTo(text);
        assertThat(new PiiRedactor(TestSettings.offline(true)).forStorage(text)).isEqualTo("mail me at [EMAIL_1]");
    }

    @Test
    void handlesEmptyText() {
        assertThat(redactor.redact("")).isEmpty();
        assertThat(redactor.redact(null)).isNull();
    }

}
