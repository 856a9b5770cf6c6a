package dev.parley.notification;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.parley.browser.BrowserTestSupport;
import dev.parley.conversation.ConversationChanges;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.SourceDetails;
import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.notification.internal.NotificationPreference;
import dev.parley.notification.internal.NotificationPreferences;
import dev.parley.support.QuietInbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In headless Chromium: the dashboard offers desktop notifications, and with the browser's permission an escalation
 * and a conversation assigned to the agent each show one. Notifications are observed by wrapping
 * {@code window.Notification} before the page's scripts run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DesktopNotificationBrowserTests extends BrowserTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String RECORD_NOTIFICATIONS = """
            (() => {
                window.__notifications = [];
                const Real = window.Notification;
                if (!Real) return;
                class Recording extends Real {
                    constructor(title, options) {
                        window.__notifications.push({title, body: options && options.body});
                        super(title, options);
                    }
                }
                window.Notification = Recording;
            })();
            """;

    @Autowired
    Agents agents;
    @Autowired
    Conversations conversations;
    @Autowired
    NotificationPreferences preferences;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anEscalationAndAnAssignmentShowDesktopNotificationsOnceTheBrowserAllowsThem() {
        QuietInbox.reset(jdbc);
        // Capacity 0: nothing is assigned to this agent but what the test assigns.
        Agent agent = TestAgents.create(agents, Role.AGENT, 0);
        preferences.save(new NotificationPreference(agent.id(), true, true, true, true));

        try (BrowserContext context = browser.newContext()) {
            context.grantPermissions(List.of("notifications"));
            context.addInitScript(RECORD_NOTIFICATIONS);
            Page page = signIn(context, agent.email());
            assertThat(page.locator("body[data-live=true]")).hasCount(1);
            assertThat(page.locator("#enable-notifications")).hasCount(1);
            assertThat(page.locator("#enable-notifications")).hasText("Enable desktop notifications");
            assertThat(page.evaluate("Notification.permission")).isEqualTo("granted");
            page.locator("body").click();

            UUID id = conversations.start(new NewConversation("web",
                    new Customer("Gus", "gus-" + UUID.randomUUID() + "@example.com", null), SourceDetails.none(), null))
                    .conversation().id();
            conversations.escalate(id, EscalationReason.HUMAN_REQUESTED, 0.1);

            await().atMost(WAIT).until(() -> notifications(page).stream()
                    .anyMatch(n -> "Conversation escalated".equals(n.get("title"))));
            assertThat(notifications(page)).anyMatch(n -> "Human requested".equals(n.get("body")));

            conversations.update(id, ConversationChanges.assignee(agent.id()));

            await().atMost(WAIT).until(() -> notifications(page).stream()
                    .anyMatch(n -> String.valueOf(n.get("title")).startsWith("Assigned to you")));
            assertThat(notifications(page)).anyMatch(n -> "From Gus".equals(n.get("body")));
        }
    }

    @Test
    void theButtonAsksTheBrowserForPermission() {
        Agent agent = TestAgents.create(agents, Role.AGENT, 0);

        try (BrowserContext context = browser.newContext()) {
            context.addInitScript("""
                    window.__asked = 0;
                    if (window.Notification) {
                        Object.defineProperty(Notification, 'permission', {get: () => window.__asked ? 'granted' : 'default'});
                        Notification.requestPermission = () => { window.__asked++; return Promise.resolve('granted'); };
                    }
                    """);
            Page page = signIn(context, agent.email());
            assertThat(page.locator("#enable-notifications")).isVisible();

            page.locator("#enable-notifications").click();

            assertThat(page.locator("#enable-notifications")).isHidden();
            assertThat(page.evaluate("window.__asked")).isEqualTo(1);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> notifications(Page page) {
        return (List<Map<String, Object>>) page.evaluate("window.__notifications || []");
    }
}
