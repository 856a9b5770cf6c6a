package dev.parley.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.parley.browser.BrowserTestSupport;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.CustomerMessageFlow;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.IncomingMessage;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.Reader;
import dev.parley.conversation.SourceDetails;
import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.RealtimeEvent;
import dev.parley.support.QuietInbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * End to end in headless Chromium: a customer's question escalates, the agent signed in to the dashboard sees it
 * arrive without reloading, replies, and the customer receives the reply live; typing and read receipts flow both
 * ways, and a supervisor in a second browser context watches the same conversation update live.
 * Until the widget lands, the customer side is driven through the conversation API and the realtime bus.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserTests extends BrowserTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(15);
    @Autowired
    Agents agents;
    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow flow;
    @Autowired
    RealtimeBus bus;
    @Autowired
    JdbcClient jdbc;


    @Test
    void agentSeesAnEscalationArriveLiveAndTheCustomerGetsTheReplyLive() throws Exception {
        // Only our agent may be online and nothing else may wait, so the escalation is assigned to them.
        QuietInbox.reset(jdbc);
        Agent agent = TestAgents.create(agents, Role.AGENT, 5);
        Agent supervisor = TestAgents.create(agents, Role.SUPERVISOR, 0);

        try (BrowserContext agentContext = browser.newContext(); BrowserContext supervisorContext = browser.newContext()) {
            Page inbox = signIn(agentContext, agent.email());
            inbox.navigate(url("/inbox?view=mine"));
            assertThat(inbox.locator("body[data-live=true]")).hasCount(1);

            UUID id = conversations.start(new NewConversation("web",
                    new Customer("Dana", "dana-" + UUID.randomUUID() + "@example.com", null), SourceDetails.none(),
                    null)).conversation().id();
            List<RealtimeEvent> customerSees = new CopyOnWriteArrayList<>();
            try (AutoCloseable widget = bus.subscribe(RealtimeEvent.conversationTopic(id), customerSees::add)) {
                flow.receive(id, new IncomingMessage("I want to talk to a person about my refund <b>now</b>", null));
                if (conversations.get(id).status() != dev.parley.conversation.ConversationStatus.ESCALATED) {
                    conversations.escalate(id, EscalationReason.HUMAN_REQUESTED, 0.1);
                }

                Locator row = inbox.locator("tr[data-conversation-id='" + id + "']");
                assertThat(row).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                        .setTimeout(WAIT.toMillis()));
                assertThat(row).containsText("refund <b>now</b>");
                assertThat(row.locator(".reason")).not().isEmpty();
                // The live refresh swaps in the list alone, not a second copy of the page around it.
                assertThat(inbox.locator("header.topbar")).hasCount(1);
                assertThat(inbox.locator("form.filters")).hasCount(1);

                openFromTheList(inbox, row, id);
                Page conversation = inbox;
                assertThat(conversation.locator("body[data-live=true]")).hasCount(1);
                assertThat(conversation.locator("#transcript")).containsText("I want to talk to a person");

                Page watching = signIn(supervisorContext, supervisor.email());
                watching.navigate(url("/inbox/conversations/" + id));
                assertThat(watching.locator("body[data-live=true]")).hasCount(1);

                // Agent typing reaches the customer's topic.
                conversation.locator("#reply-text").pressSequentially("Hi Dana", new Locator.PressSequentiallyOptions().setDelay(20));
                await().atMost(WAIT).until(() -> customerSees.stream().anyMatch(e -> e.type().equals("typing")
                        && "AGENT".equals(e.data().get("author")) && Boolean.TRUE.equals(e.data().get("typing"))));

                conversation.locator("#reply-text").fill("Hi Dana, I am looking at your refund right now.");
                conversation.locator("#send-reply").click();
                await().atMost(WAIT).until(() -> customerSees.stream().anyMatch(e -> e.type().equals("message")
                        && e.data().toString().contains("looking at your refund")));
                assertThat(conversation.locator("#transcript")).containsText("looking at your refund");
                assertThat(watching.locator("#transcript")).containsText("looking at your refund");
                assertThat(conversation.locator("#reply-text")).hasValue("");
                // Replying took the conversation into progress; both side panels follow without a reload.
                assertThat(conversation.locator("#side-status")).hasText("In progress");
                assertThat(watching.locator("#side-status")).hasText("In progress");

                // The customer reads it: the agent sees "Seen".
                long lastSeq = conversations.transcript(id, 0, 100).getLast().seq();
                conversations.markRead(id, Reader.CUSTOMER, lastSeq);
                assertThat(conversation.locator(".seen")).isVisible();

                // The customer types (published by the widget API) and writes again: both show up live.
                bus.publish(new RealtimeEvent(RealtimeEvent.AGENTS, "typing", 0,
                        Map.of("conversationId", id, "author", "CUSTOMER", "typing", true)));
                assertThat(conversation.locator("#typing")).isVisible();
                flow.receive(id, new IncomingMessage("Thank you! Order 4711.", null));
                assertThat(conversation.locator("#transcript")).containsText("Order 4711");
                assertThat(watching.locator("#transcript")).containsText("Order 4711");
                assertThat(conversation.locator("#typing")).isHidden();

                // An internal note is shown to agents, visibly different, and never reaches the customer.
                conversation.locator("#reply-text").fill("Refund approved by finance");
                conversation.locator("#add-note").click();
                assertThat(conversation.locator(".message.note")).containsText("Refund approved by finance");
                assertThat(watching.locator(".message.note")).containsText("Refund approved by finance");
            }
            assertThat(customerSees).noneMatch(e -> e.data().toString().contains("Refund approved by finance"));
            assertThat(conversations.get(id).assigneeId()).isEqualTo(agent.id());
        }
    }

    /**
     * Clicks the conversation's row as an agent does, and again if a live refresh of the list replaced the row in
     * the instant of the click (the click then lands on a row no longer in the page and opens nothing).
     */
    private static void openFromTheList(Page inbox, Locator row, UUID id) {
        for (int attempt = 1; ; attempt++) {
            row.locator("a").first().click();
            try {
                inbox.waitForURL(address -> address.contains("/inbox/conversations/" + id),
                        new Page.WaitForURLOptions().setTimeout(3_000));
                return;
            } catch (com.microsoft.playwright.PlaywrightException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }
}
