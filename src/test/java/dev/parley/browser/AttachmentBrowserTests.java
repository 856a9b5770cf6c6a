package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.support.QuietInbox;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Files both ways in two browsers: the customer sends a photo with the widget's paperclip and the agent sees it
 * arrive in the open conversation; the agent attaches a PDF to a reply and the widget shows it as a download.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AttachmentBrowserTests extends BrowserTestSupport {

    private static final double WAIT = 15_000;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
            'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    Agents agents;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCustomersPhotoReachesTheAgentAndTheAgentsPdfReachesTheWidget() {
        QuietInbox.reset(jdbc);
        Agent agent = TestAgents.create(agents, Role.AGENT, 5);

        try (BrowserContext agentSide = browser.newContext(); BrowserContext customerSide = browser.newContext()) {
            Page inbox = signIn(agentSide, agent.email());
            inbox.setDefaultTimeout(WAIT);

            Page shop = customerSide.newPage();
            shop.setDefaultTimeout(WAIT);
            shop.navigate(url("/demo"));
            shop.getByTestId("parley-bubble").click();
            shop.getByTestId("parley-input").fill("I want to talk to a human about my broken lantern");
            shop.getByTestId("parley-send").click();
            Locator widgetLog = shop.getByTestId("parley-log");
            assertThat(widgetLog).containsText("A person from our team will reply here.",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT));

            inbox.navigate(url("/inbox?view=mine"));
            inbox.locator("tr", new Page.LocatorOptions().setHasText("my broken lantern")).locator("a").first().click();
            assertThat(inbox.locator("body[data-live=true]")).hasCount(1);

            // The paperclip is a labelled button that opens the file chooser.
            Locator paperclip = shop.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Attach a file"));
            FileChooser chooser = shop.waitForFileChooser(paperclip::click);
            chooser.setFiles(new FilePayload("lantern.png", "image/png", PNG));
            assertThat(widgetLog.getByTestId("parley-file-link")).containsText("lantern.png");

            Locator agentFiles = inbox.locator("#transcript .attachments");
            assertThat(agentFiles).containsText("lantern.png", new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT));
            assertThat(agentFiles).containsText("image/png");

            // A page disguised as an image is refused beside the form, which keeps the text.
            inbox.locator("#reply-text").fill("Here is the return label.");
            inbox.locator("#reply-files").setInputFiles(new FilePayload("label.png", "image/png",
                    "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)));
            inbox.locator("#send-reply").click();
            // the server checks the file's content (a busy CI machine took over 5 s once): the usual wait, not 5 s
            assertThat(inbox.locator("#reply-error")).containsText("never accepted",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT));
            assertThat(inbox.locator("#reply-text")).hasValue("Here is the return label.");

            inbox.locator("#reply-files").setInputFiles(new FilePayload("return-label.pdf", "application/pdf", PDF));
            inbox.locator("#send-reply").click();
            assertThat(agentFiles.last()).containsText("return-label.pdf",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT));

            Locator pdfLink = widgetLog.locator(".msg[data-author=AGENT]").getByTestId("parley-file-link");
            assertThat(pdfLink).containsText("return-label.pdf", new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT));
            Download download = shop.waitForDownload(pdfLink::click);
            assertThat(download.suggestedFilename()).isEqualTo("return-label.pdf");
        }
    }
}
