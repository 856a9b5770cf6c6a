package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Conversations;
import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.mail.MailAddress;
import dev.parley.mail.MailLimits;
import dev.parley.mail.MailParser;
import dev.parley.mail.MailUrl;
import dev.parley.mail.OutgoingMail;
import dev.parley.mail.ParsedMail;
import dev.parley.mail.SmtpMailer;
import dev.parley.support.QuietInbox;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Chat continuity in the browser: a customer with nobody online leaves their email in the widget and goes away;
 * the agent's reply reaches them by mail, and their answer by mail shows in the dashboard and in the widget when
 * they come back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.widget.email-after=1s", "parley.widget.email-check-interval=1s"})
class ChatContinuityBrowserTests extends BrowserTestSupport {

    private static final double WAIT = 20_000;
    static final GreenMail MAIL = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    static {
        MAIL.start();
        MAIL.setUser("care@shop.test", "care@shop.test", "s3cret");
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        int imap = MAIL.getImap().getPort();
        int smtp = MAIL.getSmtp().getPort();
        registry.add("parley.email.inboxes[0].name", () -> "Shop Care");
        registry.add("parley.email.inboxes[0].address", () -> "care@shop.test");
        registry.add("parley.email.inboxes[0].imap-url", () -> "imap://care%40shop.test:s3cret@127.0.0.1:" + imap + "/INBOX");
        registry.add("parley.email.inboxes[0].smtp-url", () -> "smtp://care%40shop.test:s3cret@127.0.0.1:" + smtp);
        registry.add("parley.email.inboxes[0].poll-interval", () -> "1s");
        registry.add("parley.widget.continuity-inbox", () -> "care@shop.test");
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Agents agents;
    @Autowired
    Conversations conversations;

    @Test
    void aReplyReachesTheAwayCustomerByMailAndTheirMailAnswerShowsInTheChat() throws Exception {
        QuietInbox.reset(jdbc);
        String email = "robin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";

        try (BrowserContext customer = browser.newContext(); BrowserContext agentSide = browser.newContext()) {
            Page shop = customer.newPage();
            shop.setDefaultTimeout(WAIT);
            shop.navigate(url("/demo"));
            shop.getByTestId("parley-bubble").click();
            shop.getByTestId("parley-input").fill("Please let me talk to a human about my cracked lantern");
            shop.getByTestId("parley-send").click();
            Locator log = shop.getByTestId("parley-log");
            assertThat(log).containsText("No one from our team is online right now",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT));
            shop.getByLabel("Your email").fill(email);
            shop.locator("form.email button").click();
            assertThat(log).containsText("We will reply to " + email,
                    new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT));
            String state = (String) shop.evaluate("() => Object.values(localStorage)[0]");
            UUID id = UUID.fromString(state.replaceAll(".*\"conversationId\":\"([^\"]+)\".*", "$1"));
            shop.close();

            Agent agent = TestAgents.create(agents, Role.AGENT, 5);
            Page inbox = signIn(agentSide, agent.email());
            inbox.setDefaultTimeout(WAIT);
            inbox.navigate(url("/inbox/conversations/" + id));
            inbox.locator("#reply-text").fill("Sorry about the lantern! We are sending a new glass today.");
            inbox.locator("#send-reply").click();

            ParsedMail followUp = await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email),
                    Optional::isPresent).orElseThrow();
            org.assertj.core.api.Assertions.assertThat(followUp.text()).contains("sending a new glass today");

            String answer = "Thank you, the address is still 4 Elm Street " + UUID.randomUUID().toString().substring(0, 6);
            new SmtpMailer(Duration.ofSeconds(10)).send(MailUrl.parse("smtp://127.0.0.1:" + MAIL.getSmtp().getPort()),
                    new OutgoingMail(new MailAddress("Robin", email), List.of(new MailAddress(null, "care@shop.test")),
                            "Re: " + followUp.subject(), answer, null, "<" + UUID.randomUUID() + "@example.test>",
                            followUp.messageId(), List.of(followUp.messageId()), Map.of()));
            await().atMost(Duration.ofSeconds(30)).until(() -> conversations.transcript(id, 0, 100).stream()
                    .anyMatch(m -> m.authorType() == AuthorType.CUSTOMER && m.text().equals(answer)));

            inbox.reload();
            assertThat(inbox.locator("#transcript")).containsText(answer,
                    new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT));

            Page back = customer.newPage();
            back.setDefaultTimeout(WAIT);
            back.navigate(url("/demo"));
            Locator again = back.getByTestId("parley-log");
            back.getByTestId("parley-bubble").waitFor();
            if (!again.isVisible()) {
                back.getByTestId("parley-bubble").click();
            }
            assertThat(again).containsText("sending a new glass today",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT));
            assertThat(again).containsText(answer, new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT));
        }
    }

    private Optional<ParsedMail> mailTo(String address) throws Exception {
        MailParser parser = new MailParser(MailLimits.defaults());
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            if (message.getAllRecipients() != null && Arrays.stream(message.getAllRecipients())
                    .anyMatch(a -> a.toString().contains(address))) {
                return Optional.of(parser.parse(GreenMailUtil.getWholeMessage(message)
                        .getBytes(StandardCharsets.ISO_8859_1)));
            }
        }
        return Optional.empty();
    }
}
