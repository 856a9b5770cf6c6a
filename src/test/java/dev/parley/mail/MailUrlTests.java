package dev.parley.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailUrlTests {

    @Test
    void decodesAnEmailLoginAndAPasswordWithEscapedCharacters() {
        var url = MailUrl.parse("imaps://support%40acme.com:pa%2Fss%3Aw+rd@imap.acme.com/Support%20Inbox");

        assertThat(url).isEqualTo(new MailUrl("imaps", "imap.acme.com", 993, "support@acme.com", "pa/ss:w+rd",
                "Support Inbox"));
        assertThat(url.secure()).isTrue();
        assertThat(url.isImap()).isTrue();
        assertThat(url.isSmtp()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"imap://h, 143, INBOX", "imaps://h, 993, INBOX", "smtp://h, 587, ", "smtps://h, 465, ",
            "imap://h/, 143, INBOX", "IMAP://h:1143/Archive/2026, 1143, Archive/2026"})
    void fillsInDefaultPortsAndFolder(String text, int port, String folder) {
        var url = MailUrl.parse(text);

        assertThat(url.port()).isEqualTo(port);
        assertThat(url.folder()).isEqualTo(folder);
        assertThat(url.user()).isNull();
        assertThat(url.password()).isNull();
    }

    @Test
    void aPasswordWithAnUnescapedAtSignStillParses() {
        var url = MailUrl.parse("smtp://bot:p@ss@mail.acme.com:2525");

        assertThat(url.user()).isEqualTo("bot");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.host()).isEqualTo("mail.acme.com");
        assertThat(url.port()).isEqualTo(2525);
    }

    @Test
    void readsABracketedIpv6Host() {
        var url = MailUrl.parse("smtps://[::1]:4650");

        assertThat(url.host()).isEqualTo("[::1]");
        assertThat(url.port()).isEqualTo(4650);
    }

    @Test
    void neverShowsThePassword() {
        var url = MailUrl.parse("smtp://support%40acme.com:top%2Fsecret@mail.acme.com");

        assertThat(url.redacted()).isEqualTo("smtp://support%40acme.com:***@mail.acme.com:587");
        assertThat(url.toString()).isEqualTo(url.redacted()).doesNotContain("top");
        assertThat(MailUrl.parse("imap://bob@h/INBOX").redacted()).isEqualTo("imap://bob@h:143/INBOX");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"pop3://h|unknown mail URL scheme", "smtp://|no host",
            "smtp://user:pw@|no host", "smtp://h:abc|not a number", "smtp://h:70000|outside 1-65535",
            "mail.acme.com|not a mail URL", "smtp://u:p%zz@h|broken %-escape"})
    void explainsWhatIsWrongWithABadUrl(String text, String explanation) {
        assertThatThrownBy(() -> MailUrl.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(explanation);
    }

    @Test
    void aBadUrlMessageDoesNotRepeatThePassword() {
        assertThatThrownBy(() -> MailUrl.parse("smtp://u:hunter2@h:x?y"))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("hunter2");
    }
}
