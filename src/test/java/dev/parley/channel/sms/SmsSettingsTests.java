package dev.parley.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Each configured SMS number is checked at start, so a mistyped one stops the start with a message naming it. */
class SmsSettingsTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void aNumberNotWrittenInInternationalFormStopsTheStartAndSaysWhy() {
        context.withPropertyValues(number("0415 555 0100")).run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause()
                    .hasMessageContaining("inboxes[0].phoneNumber").hasMessageContaining("E.164");
        });
    }

    @Test
    void aWellFormedNumberIsTaken() {
        context.withPropertyValues(number("+14155550100")).run(started ->
                assertThat(started.getBean(SmsSettings.class).inboxes()).singleElement()
                        .extracting(SmsSettings.InboxProperties::phoneNumber).isEqualTo("+14155550100"));
    }

    private static String[] number(String phoneNumber) {
        return new String[] {"parley.sms.inboxes[0].name=Texts", "parley.sms.inboxes[0].phone-number=" + phoneNumber,
                "parley.sms.inboxes[0].account-sid=AC1", "parley.sms.inboxes[0].auth-token=secret"};
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SmsSettings.class)
    static class Settings {
    }
}
