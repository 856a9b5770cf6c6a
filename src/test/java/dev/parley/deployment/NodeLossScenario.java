package dev.parley.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.parley.browser.Browsers;
import dev.parley.support.RoundRobinProxy;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * {@code kill -9} of node A while widget customers send messages through the proxy, and while the real widget (the
 * demo page in Chromium) holds its live stream through the proxy to A: no message acknowledged before or after the
 * kill is lost (read back through the proxy, that is from B), and the widget's stream reconnects, to B, with its
 * cursor and shows an agent's reply sent while it was disconnected exactly once.
 */
final class NodeLossScenario {

    private static final int CUSTOMERS = 6;
    private static final Pattern EVENTS = Pattern.compile("GET /api/v1/widget/conversations/([^/]+)/events\\?after=(\\d+)");

    private final TwoNodesIT nodes;
    private final RoundRobinProxy proxy;
    /** conversation id -> customer, and every acknowledged message id per conversation. */
    private final Map<String, WidgetClient> customers = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger acks = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();
    private final AtomicInteger unacknowledged = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean(true);

    NodeLossScenario(TwoNodesIT nodes, RoundRobinProxy proxy) {
        this.nodes = nodes;
        this.proxy = proxy;
    }

    void run() throws Exception {
        ParleyNode a = nodes.a;
        ParleyNode b = nodes.b;
        try (Playwright playwright = Playwright.create(); Browser browser = Browsers.launch(playwright)) {
            // The widget's page, its API calls and its stream go to A only (so its stream is surely on A).
            proxy.route(List.of(a.port));
            Page shop = browser.newContext().newPage();
            shop.setDefaultTimeout(30_000);
            shop.navigate(proxy.url("/demo"));
            shop.getByTestId("parley-bubble").click();
            shop.getByTestId("parley-input").fill("How long does shipping take?");
            shop.getByTestId("parley-send").click();
            Locator log = shop.getByTestId("parley-log");
            PlaywrightAssertions.assertThat(log.locator(".msg[data-author=ASSISTANT], .msg[data-author=SYSTEM]").first())
                    .isVisible();
            JsonNode state = WidgetClient.JSON.readTree((String) shop.evaluate("() => Object.keys(localStorage)"
                    + ".map(k => localStorage.getItem(k)).find(v => v && v.indexOf('conversationId') >= 0)"));
            String conversation = state.get("conversationId").asString();
            awaitStream(conversation, a.port);

            DashboardSession agent = DashboardSession.signIn(b.url(""), TwoNodesIT.ADMIN, TwoNodesIT.PASSWORD);
            assertThat(agent.open(b.url(""), "/inbox").statusCode()).isEqualTo(200);

            proxy.route(List.of(a.port, b.port));
            ExecutorService load = Executors.newVirtualThreadPerTaskExecutor();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                int customer = i;
                running.add(load.submit(() -> {
                    sendUntilStopped(customer);
                    return null;
                }));
            }
            awaitAcks(30);
            assertThat(proxy.requests().stream().filter(r -> r.line().startsWith("POST /api/v1/widget/conversations/")
                    && r.line().contains("/messages ")).map(RoundRobinProxy.Request::backend).distinct())
                    .as("customers' messages went to both nodes").contains(a.port, b.port);

            // No client can reconnect until the agent's reply is stored: the widget is surely disconnected then.
            proxy.hold();
            int before = acks.get();
            a.kill();
            HttpResponse<String> reply = agent.postJson(b.url(""), "/api/v1/conversations/" + conversation
                    + "/messages", "{\"text\":\"Sent on B while node A was down\"}");
            proxy.release();
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
            JsonNode replied = WidgetClient.JSON.readTree(reply.body());

            awaitAcks(before + 30);
            sending.set(false);
            for (Future<?> customer : running) {
                customer.get(60, TimeUnit.SECONDS);
            }
            load.close();

            // every acknowledged message is there, read through the proxy (only B is left)
            int missing = 0;
            for (var entry : acknowledged.entrySet()) {
                Set<String> stored = customers.get(entry.getKey()).transcriptIds();
                missing += (int) entry.getValue().stream().filter(id -> !stored.contains(id)).count();
            }
            System.out.println("kill -9 of A: " + acks.get() + " acknowledged (" + before + " before the kill), "
                    + retried.get() + " requests retried, " + unacknowledged.get() + " never acknowledged, "
                    + missing + " missing");
            assertThat(missing).as("acknowledged messages missing after the kill").isZero();
            assertThat(retried.get()).as("requests cut by the kill and retried").isPositive();

            // the widget reconnected to B after its cursor, and shows the reply sent meanwhile exactly once
            Locator shown = log.locator(".msg[data-id='" + replied.get("id").asString() + "']");
            PlaywrightAssertions.assertThat(shown).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
            RoundRobinProxy.Request reconnect = awaitStream(conversation, b.port);
            long cursor = cursorOf(reconnect);
            assertThat(cursor).as("the reconnect's cursor predates the reply").isLessThan(replied.get("seq").asLong());
            HttpResponse<String> live = agent.postJson(b.url(""), "/api/v1/conversations/" + conversation
                    + "/messages", "{\"text\":\"And this one arrives live on B\"}");
            String liveId = WidgetClient.JSON.readTree(live.body()).get("id").asString();
            PlaywrightAssertions.assertThat(log.locator(".msg[data-id='" + liveId + "']")).hasCount(1);
            noDuplicatesOrGaps(log, conversation, state.get("token").asString());
        }
    }

    /** Waits for the widget's stream request for {@code conversation} to have gone to {@code port}. */
    private RoundRobinProxy.Request awaitStream(String conversation, int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (RoundRobinProxy.Request c : proxy.requests()) {
                Matcher m = EVENTS.matcher(c.line());
                if (c.backend() == port && m.find() && m.group(1).equals(conversation)) {
                    return c;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no stream for " + conversation + " to port " + port + ": " + proxy.requests());
    }

    private static long cursorOf(RoundRobinProxy.Request connection) {
        Matcher m = EVENTS.matcher(connection.line());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(2));
    }

    /** Every message the customer can see that is not their own is shown once (their own show without an id). */
    private void noDuplicatesOrGaps(Locator log, String conversation, String token) throws Exception {
        List<String> shown = log.locator(".msg[data-id]").all().stream().map(m -> m.getAttribute("data-id")).toList();
        assertThat(shown).as("messages shown in the widget").doesNotHaveDuplicates();
        var reader = new WidgetClient(proxy.url(""));
        reader.conversationId = conversation;
        reader.token = token;
        Set<String> all = reader.transcriptIds();
        assertThat(shown).as("shown messages are the conversation's").isSubsetOf(all);
        assertThat(all.size() - shown.size()).as("messages not shown (the customer's own, shown without id)")
                .isEqualTo((int) log.locator(".msg.customer").count());
    }

    private void sendUntilStopped(int number) throws InterruptedException {
        var customer = new WidgetClient(proxy.url(""));
        while (customer.conversationId == null) {
            try {
                customer.start("Customer " + number, "Hello from customer " + number);
            } catch (IOException e) {
                Thread.sleep(200); // the node went away mid-request: start again
            }
        }
        customers.put(customer.conversationId, customer);
        for (int n = 0; sending.get(); n++) {
            String clientMessageId = "m" + number + "-" + n;
            String text = "Where is my order " + number + "-" + n + "?";
            boolean done = false;
            for (int attempt = 0; !done && attempt < 20; attempt++) {
                try {
                    HttpResponse<String> r = customer.post(text, clientMessageId);
                    if (r.statusCode() == 201 || r.statusCode() == 200) {
                        String id = WidgetClient.JSON.readTree(r.body()).get("message").get("id").asString();
                        acknowledged.computeIfAbsent(customer.conversationId, k -> ConcurrentHashMap.newKeySet()).add(id);
                        acks.incrementAndGet();
                        done = true;
                    } else if (r.statusCode() == 503) {
                        Thread.sleep(500); // starting up: the widget resends after Retry-After
                    } else {
                        throw new AssertionError("HTTP " + r.statusCode() + ": " + r.body());
                    }
                } catch (IOException cut) {
                    // as a customer would press send again: the same clientMessageId, stored at most once
                    retried.incrementAndGet();
                    Thread.sleep(200);
                }
            }
            if (!done) {
                unacknowledged.incrementAndGet();
            }
        }
    }

    private void awaitAcks(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (acks.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(acks.get()).as("acknowledged messages").isGreaterThanOrEqualTo(count);
    }
}
