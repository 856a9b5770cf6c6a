package dev.parley.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.PostgresSchema;
import dev.parley.support.RoundRobinProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes from the packaged jar on one PostgreSQL database (fresh, dropped afterwards) and one Redis, each a web
 * node and a worker (so each would train the assistant's scorer if nothing were shared), with a shared file store
 * and separate data directories, behind a round-robin proxy: live events, dashboard sessions, knowledge changes and
 * the scorer cross nodes, and a {@code kill -9} of one node under widget traffic loses no acknowledged message while
 * the real widget's stream reconnects to the other node and catches up by its cursor. The last test kills node A.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    static final String ADMIN = "admin@parley.local";
    static final String PASSWORD = "two-nodes-secret-1";
    private static final Pattern TRAINED = Pattern.compile(
            "Assistant scorer (trained on|read back from its store for) (\\d+) articles \\(knowledge version (\\d+)\\)");

    private final String database = "parley_two_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private Path work;
    private RoundRobinProxy proxy;
    ParleyNode a;
    ParleyNode b;
    private boolean failed;

    @RegisterExtension
    final TestWatcher logsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failed = true;
            for (ParleyNode node : new ParleyNode[] {a, b}) {
                if (node != null) {
                    System.err.println(node.logTail(80));
                }
            }
        }
    };

    @BeforeAll
    void startTwoNodes() throws Exception {
        work = Files.createTempDirectory("parley-two-nodes");
        try (var admin = DriverManager.getConnection(PostgresSchema.URL, "postgres", "")) {
            admin.createStatement().execute("CREATE DATABASE " + database);
        }
        int portA = ParleyNode.freePort();
        int portB = ParleyNode.freePort();
        proxy = new RoundRobinProxy(List.of(portA, portB));
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        Map<String, String> environment = new HashMap<>(Map.of(
                "PARLEY_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/" + database,
                "PARLEY_DATABASE_USER", "postgres",
                "PARLEY_DATABASE_POOL_SIZE", "8",
                "PARLEY_REDIS_ENABLED", "true",
                "PARLEY_ADMIN_PASSWORD", PASSWORD,
                // every node seals and opens personal data with the same key, and shares the file store (the scorer)
                "PARLEY_ENCRYPTION_KEYS", "k1:" + Base64.getEncoder().encodeToString(key),
                "PARLEY_STORAGE_LOCAL_DIRECTORY", work.resolve("shared-files").toString(),
                "PARLEY_ASSISTANT_ENCODER_TUNING", "false",
                "PARLEY_BASE_URL", proxy.url(""),
                "PARLEY_WIDGET_ALLOWED_ORIGINS", proxy.url("")));
        List<String> arguments = List.of("--parley.widget.conversations-per-hour=100000",
                "--parley.widget.messages-per-minute=100000");
        a = ParleyNode.start("A", portA, work.resolve("a"), environment, arguments);
        b = ParleyNode.start("B", portB, work.resolve("b"), environment, arguments);
        try {
            var readyA = CompletableFuture.runAsync(() -> ready(a));
            var readyB = CompletableFuture.runAsync(() -> ready(b));
            readyA.join();
            readyB.join();
        } catch (RuntimeException e) {
            failed = true;
            System.err.println(a.logTail(80));
            System.err.println(b.logTail(80));
            throw e;
        }
    }

    private static void ready(ParleyNode node) {
        try {
            node.awaitReady(Duration.ofMinutes(4));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        for (ParleyNode node : new ParleyNode[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
        try (var admin = DriverManager.getConnection(PostgresSchema.URL, "postgres", "")) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
        if (!failed) {
            org.springframework.util.FileSystemUtils.deleteRecursively(work);
        } else {
            System.err.println("The nodes' data directories are kept in " + work);
        }
    }

    @Test
    @Order(1)
    @Timeout(120)
    void anAgentsReplyOnBReachesAWidgetStreamOnAWithinOneSecond() throws Exception {
        var customer = new WidgetClient(a.url(""));
        JsonNode started = customer.start("Stream on A", "Hello, is anyone there?");
        var lines = new LinkedBlockingQueue<String>();
        var times = new HashMap<String, Long>();
        customer.stream(started.get("cursor").asLong(), line -> {
            synchronized (times) {
                times.putIfAbsent(line, System.nanoTime());
            }
            lines.add(line);
        });
        assertThat(awaitLine(lines, line -> line.startsWith(":connected") || line.startsWith(": connected"), 30))
                .as("the stream on A opened").isNotNull();

        DashboardSession agent = DashboardSession.signIn(a.url(""), ADMIN, PASSWORD);
        assertThat(agent.open(b.url(""), "/inbox").statusCode()).as("the session from A opens the inbox on B")
                .isEqualTo(200);
        String path = "/api/v1/conversations/" + customer.conversationId + "/messages";
        assertThat(agent.postJsonWithoutCsrf(b.url(""), path, "{\"text\":\"no token\"}").statusCode())
                .as("a POST without the CSRF token is refused on B").isEqualTo(403);

        long sent = System.nanoTime();
        var reply = agent.postJson(b.url(""), path, "{\"text\":\"An agent on node B says hello\"}");
        long answered = System.nanoTime();
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        String replyId = WidgetClient.JSON.readTree(reply.body()).get("id").asString();

        String event = awaitLine(lines, line -> line.startsWith("data:") && line.contains(replyId), 10);
        assertThat(event).as("the reply reached the stream on A").isNotNull();
        // the event may even arrive before the reply's response: then it took no time at all after it
        long latencyMs = Math.max(0, (times.get(event) - answered) / 1_000_000);
        System.out.println("reply on B -> widget stream on A: " + latencyMs + " ms after the reply's response, "
                + (times.get(event) - sent) / 1_000_000 + " ms after its request");
        assertThat(latencyMs).isLessThan(1_000);
    }

    @Test
    @Order(2)
    @Timeout(180)
    void anArticlePublishedOnBIsAnsweredOnAWithinAMinuteAndEachScorerIsTrainedOnce() throws Exception {
        DashboardSession editor = DashboardSession.signIn(a.url(""), ADMIN, PASSWORD);
        assertThat(editor.open(b.url(""), "/knowledge").statusCode()).isEqualTo(200);
        String article = """
                {"title": "Registering a Glimmerfin kayak for the lifetime hull warranty",
                 "body": "Register your Glimmerfin kayak within 30 days of purchase at northwind.example/glimmerfin with the hull number stamped behind the seat. Registration activates the lifetime hull warranty.",
                 "status": "PUBLISHED",
                 "examples": ["How do I register my Glimmerfin kayak?", "Where do I register the Glimmerfin hull warranty?"]}""";
        var created = editor.postJson(b.url(""), "/api/v1/knowledge/articles", article);
        long published = System.nanoTime();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String articleId = WidgetClient.JSON.readTree(created.body()).get("id").asString();

        JsonNode answer = null;
        int attempt = 0;
        while (answer == null && System.nanoTime() - published < TimeUnit.SECONDS.toNanos(60)) {
            JsonNode started = new WidgetClient(a.url("")).start("Kayak owner " + attempt++,
                    "How do I register my Glimmerfin kayak for the hull warranty?");
            if (citesArticle(started, articleId) && !"ESCALATED".equals(started.get("status").asString())) {
                answer = started;
            } else {
                Thread.sleep(2_000);
            }
        }
        long seconds = (System.nanoTime() - published) / 1_000_000_000;
        System.out.println("article published on B -> answered on A after " + seconds + " s, " + attempt + " questions");
        assertThat(answer).as("the assistant on A answered with the article within 60 s").isNotNull();

        // Each set of published articles (the demo, then the demo and the new article) was trained by exactly one
        // node; the other read that scorer back from the shared store.
        awaitScorersOnBothNodes();
        Map<Integer, List<String>> trained = scorerLog("trained on");
        Map<Integer, List<String>> readBack = scorerLog("read back from its store for");
        trained.keySet().removeIf(articles -> articles == 0); // a node that started before the demo was imported
        assertThat(trained).as("trainings by article count").hasSize(2);
        trained.forEach((articles, nodes) -> {
            assertThat(nodes).as("nodes that trained the scorer for " + articles + " articles").hasSize(1);
            assertThat(readBack.getOrDefault(articles, List.of())).as("nodes that read it back")
                    .contains(nodes.getFirst().equals("A") ? "B" : "A");
        });
    }

    private static boolean citesArticle(JsonNode started, String articleId) {
        for (JsonNode message : started.get("messages")) {
            if ("ASSISTANT".equals(message.get("authorType").asString()) && message.has("sources")) {
                for (JsonNode source : message.get("sources")) {
                    if (articleId.equals(source.get("articleId").asString())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Both nodes have logged a scorer for the current article count (the slower one may still be reading it). */
    private void awaitScorersOnBothNodes() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            int max = Math.max(maxArticles(a), maxArticles(b));
            if (maxArticles(a) == max && maxArticles(b) == max) {
                return;
            }
            Thread.sleep(500);
        }
    }

    private static int maxArticles(ParleyNode node) {
        Matcher m = TRAINED.matcher(node.console());
        int max = 0;
        while (m.find()) {
            max = Math.max(max, Integer.parseInt(m.group(2)));
        }
        return max;
    }

    /** Article count of each scorer logged with {@code how}, and the nodes that logged it. */
    private Map<Integer, List<String>> scorerLog(String how) {
        Map<Integer, List<String>> nodes = new HashMap<>();
        for (ParleyNode node : List.of(a, b)) {
            Matcher m = TRAINED.matcher(node.console());
            while (m.find()) {
                if (m.group(1).equals(how)) {
                    nodes.computeIfAbsent(Integer.parseInt(m.group(2)), k -> new ArrayList<>()).add(node.name);
                }
            }
        }
        return nodes;
    }

    @Test
    @Order(3)
    @Timeout(300)
    void killingNodeALosesNoAcknowledgedMessageAndTheWidgetCatchesUpOnB() throws Exception {
        new NodeLossScenario(this, proxy).run();
    }

    static String awaitLine(LinkedBlockingQueue<String> lines, java.util.function.Predicate<String> wanted,
            int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && wanted.test(line)) {
                return line;
            }
        }
        return null;
    }
}
