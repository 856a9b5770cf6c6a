package dev.parley.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.parley.browser.BrowserTestSupport;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.CustomerMessageFlow;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.IncomingMessage;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.SourceDetails;
import dev.parley.identity.Actor;
import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.workspace.internal.CannedReplies;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * In headless Chromium: an open conversation sits between the list of the agent's current view (kept from the
 * inbox's filters, updated live, caught up when a cut live stream comes back) and its details; the keyboard moves through the list, replies, writes notes,
 * inserts canned replies by "/shortcut" and resolves; the reply's Markdown previews; on a phone the page is one
 * column with no sideways scrolling.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ThreePaneInboxBrowserTests extends BrowserTestSupport {

    private static final LocatorAssertions.IsVisibleOptions WAIT = new LocatorAssertions.IsVisibleOptions()
            .setTimeout(15_000);

    @Autowired
    Agents agents;
    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow flow;
    @Autowired
    CannedReplies canned;
    @Autowired
    dev.parley.conversation.Tags tags;
    @Autowired
    dev.parley.realtime.EventStreams streams;
    @Autowired
    dev.parley.realtime.RealtimeBus bus;
    @Autowired
    dev.parley.workspace.internal.Presence presence;

    /** Marks one test's conversations (the class shares one instance, and the database, across its tests). */
    private String marker;

    @org.junit.jupiter.api.BeforeEach
    void newMarker() {
        marker = "tp" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    @Test
    void aLiveRefreshOfTheListKeepsTheSelectedConversationSelected() {
        for (String question : List.of("parcel is late", "refund please", "password reset")) {
            escalated(question + " " + marker);
        }
        Agent agent = TestAgents.create(agents, Role.AGENT);

        try (BrowserContext context = browser.newContext()) {
            Page page = signIn(context, agent.email());
            page.navigate(url("/inbox?view=all&q=" + marker));
            assertThat(page.locator("tr.conversation-row")).hasCount(3);
            page.keyboard().press("j");
            page.keyboard().press("j");
            Locator selected = page.locator("tr.conversation-row.selected");
            assertThat(selected).hasCount(1);
            String id = selected.getAttribute("data-conversation-id");

            // what a live event does (dashboard.js): the list is fetched again and replaced
            page.evaluate("() => new Promise(done => {"
                    + " document.body.addEventListener('htmx:afterSwap', () => done(), {once: true});"
                    + " htmx.trigger(document.querySelector('#inbox-body'), 'refresh'); })");

            assertThat(selected).hasCount(1);
            assertThat(selected).hasAttribute("data-conversation-id", id);
            page.keyboard().press("Enter");
            page.waitForURL(url -> url.endsWith(id));
        }
    }

    @Test
    void aListWhoseLiveStreamWasCutCatchesUpWhenTheStreamComesBack() {
        Agent agent = TestAgents.create(agents, Role.AGENT);
        try (BrowserContext context = browser.newContext()) {
            Page page = signIn(context, agent.email());
            page.navigate(url("/inbox?view=all&q=" + marker));
            assertThat(page.locator("body[data-live='true']")).hasCount(1);
            page.evaluate("() => { window.sameDocument = true; }");

            // the node ends every stream (as when it stops) and the tab cannot reconnect for a while
            page.route("**/dashboard/events", com.microsoft.playwright.Route::abort);
            streams.stop();
            streams.start();
            assertThat(page.locator("body[data-live='false']")).hasCount(1);
            UUID arrived = escalatedAndSent("parcel is late " + marker);
            page.unroute("**/dashboard/events");

            assertThat(page.locator("body[data-live='true']")).hasCount(1, new LocatorAssertions.HasCountOptions()
                    .setTimeout(15_000));
            assertThat(page.locator("tr.conversation-row[data-conversation-id='" + arrived + "']")).isVisible(WAIT);
            assertThat(page.evaluate("() => window.sameDocument === true")).as("caught up without a reload")
                    .isEqualTo(true);
        }
    }

    @Test
    void aConversationThatArrivesBetweenRenderingTheInboxAndItsLiveStreamOpeningIsShown() {
        Agent agent = TestAgents.create(agents, Role.AGENT);
        try (BrowserContext context = browser.newContext()) {
            Page page = signIn(context, agent.email());
            presence.seen(agent.id()); // online already: opening the stream changes nothing the list shows
            List<com.microsoft.playwright.Route> held = new ArrayList<>();
            page.route("**/dashboard/events**", held::add); // the stream opens only when let through
            page.navigate(url("/inbox?view=all&q=" + marker));
            assertThat(page.locator("tr.conversation-row")).hasCount(0);
            page.evaluate("() => { window.sameDocument = true; }");
            UUID arrived = escalatedAndSent("parcel is late " + marker);

            page.waitForCondition(() -> !held.isEmpty());
            held.getFirst().resume();
            assertThat(page.locator("body[data-live='true']")).hasCount(1);
            assertThat(page.locator("tr.conversation-row[data-conversation-id='" + arrived + "']")).isVisible(WAIT);
            assertThat(page.evaluate("() => window.sameDocument === true")).as("caught up without a reload")
                    .isEqualTo(true);
        }
    }

    @Test
    void aChangeBetweenRenderingAConversationAndItsLiveStreamOpeningReachesItsSidePanel() throws Exception {
        // not escalated: nothing assigns it, so no later event refreshes the side panel by itself
        UUID id = conversations.start(new NewConversation("web", new Customer("Pat " + marker, null, null),
                SourceDetails.none(), null)).conversation().id();
        Agent agent = TestAgents.create(agents, Role.AGENT);
        try (BrowserContext context = browser.newContext()) {
            Page page = signIn(context, agent.email());
            List<com.microsoft.playwright.Route> held = new ArrayList<>();
            page.route("**/dashboard/events**", held::add); // the stream opens only when let through
            page.navigate(url("/inbox/conversations/" + id));
            Locator priority = page.locator("#side select[name='priority']");
            assertThat(priority).not().hasValue("URGENT");
            page.evaluate("() => { window.sameDocument = true; }");
            List<dev.parley.realtime.RealtimeEvent> pushed = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (AutoCloseable heard = bus.subscribe(dev.parley.realtime.RealtimeEvent.AGENTS, pushed::add)) {
                conversations.update(id, dev.parley.conversation.ConversationChanges.priority(
                        dev.parley.conversation.Priority.URGENT));
                // pushed while the page had no stream: only the catch-up on opening it can show the change
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> pushed.stream()
                        .anyMatch(e -> e.type().equals("updated") && id.equals(e.data().get("conversationId"))));
            }

            page.waitForCondition(() -> !held.isEmpty());
            held.getFirst().resume();
            assertThat(page.locator("body[data-live='true']")).hasCount(1);
            assertThat(priority).hasValue("URGENT", new com.microsoft.playwright.assertions.LocatorAssertions
                    .HasValueOptions().setTimeout(15_000));
            assertThat(page.evaluate("() => window.sameDocument === true")).as("caught up without a reload")
                    .isEqualTo(true);
        }
    }

    @Test
    void anAgentWorksThroughTheListBesideTheConversationWithTheKeyboard() {
        List<UUID> ids = new ArrayList<>();
        for (String question : List.of("parcel is late", "refund please", "password reset")) {
            ids.add(escalated(question + " " + marker));
        }
        String shortcut = "thx" + marker.substring(2, 6);
        canned.save(Actor.SYSTEM, null, shortcut, "Thanks", "Thanks for waiting, we are on it.");
        Agent agent = TestAgents.create(agents, Role.AGENT);

        try (BrowserContext context = browser.newContext()) {
            Page page = signIn(context, agent.email());
            tags.create("Late " + marker, "#0369a1");
            tags.add(ids.getFirst(), "Late " + marker, agent.id());
            page.navigate(url("/inbox?view=all&q=" + marker));
            assertThat(page.locator("tr.conversation-row")).hasCount(3);
            // The tag's colour arrives as data, painted by script: the strict CSP blocks style attributes. Live
            // events may swap the list in meanwhile, and its new chips are painted once htmx has loaded them.
            Locator chip = page.locator("tr.conversation-row .tag").first();
            assertThat(chip).hasText("Late " + marker);
            assertThat(chip).hasCSS("background-color", "rgb(3, 105, 161)");

            page.keyboard().press("j");
            assertThat(page.locator("tr.conversation-row.selected")).hasCount(1);
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*/inbox/conversations/.*"));

            Locator items = page.locator("#pane-list .pane-item");
            assertThat(items).hasCount(3);
            assertThat(page.locator("#pane-list .pane-item.current")).hasCount(1);
            String first = page.locator("#pane-list .pane-item.current").getAttribute("data-conversation-id");
            assertThat(page.url()).endsWith(first);
            assertThat(page.locator("header.topbar")).hasCount(1);

            page.keyboard().press("j");
            page.waitForURL(url -> !url.endsWith(first));
            assertThat(page.locator("#pane-list .pane-item.current")).hasCount(1);
            String second = page.locator("#pane-list .pane-item.current").getAttribute("data-conversation-id");
            assertThat(second).isNotEqualTo(first);
            assertThat(items.nth(1)).hasAttribute("data-conversation-id", second);

            page.keyboard().press("r");
            assertThat(page.locator("#reply-text")).isFocused();
            page.keyboard().type("/" + shortcut.substring(0, 4));
            assertThat(page.locator("#canned-suggestions")).isVisible();
            page.keyboard().press("Tab");
            assertThat(page.locator("#reply-text")).hasValue("Thanks for waiting, we are on it.");
            page.keyboard().press("Control+Enter");
            assertThat(page.locator("#transcript .from-agent:not(.note) .body").last())
                    .containsText("Thanks for waiting, we are on it.", new LocatorAssertions.ContainsTextOptions()
                            .setTimeout(15_000));
            assertThat(page.locator("#reply-text")).hasValue("");

            page.keyboard().press("Escape");
            page.keyboard().press("n");
            assertThat(page.locator("#reply-form.note-mode")).hasCount(1);
            page.keyboard().type("Checked the carrier " + marker);
            page.keyboard().press("Control+Enter");
            assertThat(page.locator("#transcript .message.note").last()).containsText("Checked the carrier " + marker);

            page.locator("#reply-text").fill("Your **refund** is on its way");
            page.locator("#preview-reply").click();
            assertThat(page.locator("#reply-preview strong")).hasText("refund");
            page.locator("#reply-text").fill("");

            page.locator("#reply-text").blur();
            page.keyboard().press("?");
            assertThat(page.locator("#shortcut-help")).isVisible();
            assertThat(page.locator("#shortcut-help")).containsText("Resolve the conversation");
            page.keyboard().press("Escape");
            assertThat(page.locator("#shortcut-help")).isHidden();

            page.keyboard().press("e");
            assertThat(page.locator("#side-status")).hasText("Resolved", new com.microsoft.playwright.assertions
                    .LocatorAssertions.HasTextOptions().setTimeout(15_000));

            UUID arriving = escalated("gift card question " + marker);
            assertThat(page.locator("#pane-list .pane-item[data-conversation-id='" + arriving + "']")).isVisible(WAIT);
        }
    }

    @Test
    void onAPhoneTheInboxAndAConversationAreOneColumnWithoutSidewaysScrolling() {
        UUID id = escalated("my order never came " + marker);
        Agent agent = TestAgents.create(agents, Role.ADMIN);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true))) {
            Page page = signIn(context, agent.email());
            page.navigate(url("/inbox?view=all&q=" + marker));
            assertThat(page.locator("tr.conversation-row")).hasCount(1);
            assertThat(sidewaysOverflow(page)).isLessThanOrEqualTo(0);

            page.navigate(url("/inbox/conversations/" + id));
            assertThat(page.locator("#pane-list .pane-back")).isVisible();
            assertThat(page.locator("#pane-list .pane-items")).isHidden();
            assertThat(page.locator("#reply-text")).isVisible();
            assertThat(sidewaysOverflow(page)).isLessThanOrEqualTo(0);
            // the side panel under the transcript; read in one go in the page, as a live refresh of the transcript or
            // the panel (after an event of the escalation) can swap either while it is measured (it did in a run)
            page.waitForFunction("() => { const thread = document.querySelector('.thread');"
                    + " const side = document.querySelector('#side');"
                    + " return thread && side && thread.getClientRects().length > 0 && side.getClientRects().length > 0"
                    + " && side.getBoundingClientRect().top > thread.getBoundingClientRect().top; }", null,
                    new Page.WaitForFunctionOptions().setTimeout(15_000));
        }
    }

    private static int sidewaysOverflow(Page page) {
        return ((Number) page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")).intValue();
    }

    /**
     * Escalated, and its events sent to the agents' live streams (to those that are open): the last of them (the
     * queue's length, ...) a second before this returns.
     */
    private UUID escalatedAndSent(String question) {
        java.util.Set<Object> sent = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicLong lastSent = new java.util.concurrent.atomic.AtomicLong();
        try (AutoCloseable heard = bus.subscribe(dev.parley.realtime.RealtimeEvent.AGENTS, event -> {
            sent.add(String.valueOf(event.data().get("conversationId")));
            lastSent.set(System.nanoTime());
        })) {
            UUID id = escalated(question);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> sent.contains(
                    id.toString()) && System.nanoTime() - lastSent.get() > 1_000_000_000L);
            return id;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private UUID escalated(String question) {
        UUID id = conversations.start(new NewConversation("web",
                new Customer("Pat " + marker, marker + "-" + UUID.randomUUID() + "@example.com", null),
                SourceDetails.none(), null)).conversation().id();
        flow.receive(id, new IncomingMessage(question, null));
        if (conversations.get(id).status() != dev.parley.conversation.ConversationStatus.ESCALATED) {
            conversations.escalate(id, EscalationReason.HUMAN_REQUESTED, 0.1);
        }
        return id;
    }
}
