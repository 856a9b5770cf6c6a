import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live streams at scale (issue 16, item 4): N widget conversations each hold one open event stream on one node; agents
 * reply through the REST API to a sample of them, and each reply's event is timed until it reaches its widget stream;
 * the node's heap is measured after a full GC with and without the streams (jcmd GC.run on the node's pid). Starting
 * the N conversations (hundreds a second) leaves the node minutes of event-listener work (analytics, ...); unless
 * SETTLE=0 the bench waits for that backlog to drain before it measures, so the figures are those of N open streams,
 * not of N conversations started in the last seconds. Then its
 * CPU while the streams sit idle (IDLE_SECONDS, default 20: one heartbeat); then a
 * share of the streams is closed by their clients and the node's connection gauge is polled until it counts them out.
 * Run by bench/streams.sh (single-file source program). Arguments: base URL, node pid, streams, sampled replies,
 * admin email, admin password.
 */
public class StreamLoad {

    private static final Pattern ID = Pattern.compile("\"conversationId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern PAT = Pattern.compile("(pat_[A-Za-z0-9_\\-]+)");
    private static final Pattern LISTENERS_QUEUED = Pattern.compile(
            "^parley_events_listeners_queued\\S*\\s+([0-9.E+]+)", Pattern.MULTILINE);
    private static final Pattern WIDGET_STREAMS = Pattern.compile(
            "^parley_realtime_connections\\{[^}]*kind=\"widget\"[^}]*}\\s+([0-9.E+]+)", Pattern.MULTILINE);

    record Conversation(String id, String token) {
    }

    /** One open stream: its connection's body, and when each marked reply arrived. */
    static final class Stream {
        final Conversation conversation;
        volatile InputStream body;
        final CountDownLatch connected = new CountDownLatch(1);
        volatile boolean endedByServer;

        Stream(Conversation conversation) {
            this.conversation = conversation;
        }
    }

    /** When each marked reply reached its stream, by its mark (unique across streams). */
    private static final Map<String, java.util.concurrent.CompletableFuture<Long>> ARRIVALS = new ConcurrentHashMap<>();

    private final String base;
    private final HttpClient http;
    private final HttpClient streamsClient;

    StreamLoad(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        this.streamsClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    public static void main(String[] args) throws Exception {
        StreamLoad load = new StreamLoad(args[0]);
        long pid = Long.parseLong(args[1]);
        int count = Integer.parseInt(args[2]);
        int samples = Integer.parseInt(args[3]);
        String apiToken = load.apiToken(args[4], args[5]);

        List<Conversation> conversations = load.start(count);
        System.out.printf("%d conversations started%n", conversations.size());
        double heapBefore = load.heapAfterGc(pid);

        long openStart = System.nanoTime();
        List<Stream> streams = load.open(conversations);
        double openSeconds = (System.nanoTime() - openStart) / 1e9;
        double gauge = load.gauge();
        double heapWith = load.heapAfterGc(pid);
        double mbPer1000 = (heapWith - heapBefore) / 1024 / 1024 / streams.size() * 1000;
        System.out.printf(Locale.ROOT, "%d streams open after %.1f s; gauge %.0f; live heap %.1f MB -> %.1f MB "
                + "(%.1f MB per 1,000 streams)%n", streams.size(), openSeconds, gauge, heapBefore / 1048576,
                heapWith / 1048576, mbPer1000);
        double settled = -1;
        if (!"0".equals(System.getenv("SETTLE"))) {
            settled = load.awaitListenersCaughtUp(Duration.ofMinutes(15));
            System.out.printf(Locale.ROOT, "the node's event listeners caught up with the conversation starts %s%n",
                    settled < 0 ? "not within 15 minutes" : String.format(Locale.ROOT, "%.0f s later", settled));
        }
        phase("streams idle");
        double idleCpu = load.idleCpuPercent(pid, Integer.parseInt(System.getenv().getOrDefault("IDLE_SECONDS", "20")));
        System.out.printf(Locale.ROOT, "node CPU with the streams open and idle: %.1f %% of one core%n", idleCpu);

        phase("curl probes");
        long[] probes = load.curlProbes(streams.subList(streams.size() - 10, streams.size()), apiToken);
        System.out.printf(Locale.ROOT, "reply -> event at a separate client (curl) on 10 more streams: p50 %.1f ms, max %.1f ms%n",
                pct(probes, 50), pct(probes, 100));
        List<Stream> order = new ArrayList<>(streams.subList(0, streams.size() - 10)); // not the curl probes' streams
        Collections.shuffle(order, new java.util.Random(16));
        int warmup = Integer.parseInt(System.getenv().getOrDefault("WARMUP_REPLIES", "0"));
        if (warmup > 0 && samples < order.size()) { // the warm-up takes streams the sampled replies leave
            // a node that has served replies before: its reply path compiled, as after minutes of work
            phase("warm-up replies (not counted)");
            long[] warm = load.replies(order.subList(samples, Math.min(order.size(), samples + warmup)), "w", apiToken);
            System.out.printf(Locale.ROOT, "warm-up: %d replies, reply -> event p50 %.1f ms, p99 %.1f ms%n", warm.length,
                    pct(warm, 50), pct(warm, 99));
        }
        phase("sampled replies");
        long[] latencies = load.replies(order.subList(0, Math.min(order.size(), samples)), "", apiToken);
        phase("sampled replies done");
        long dropped = streams.stream().filter(s -> s.endedByServer).count();
        System.out.printf(Locale.ROOT, "replies: %d sampled, %d arrived; reply sent -> widget event p50 %.1f ms, p95 %.1f ms, "
                + "p99 %.1f ms, max %.1f ms; streams ended by the node: %d%n", samples, latencies.length,
                pct(latencies, 50), pct(latencies, 95), pct(latencies, 99), pct(latencies, 100), dropped);

        int closing = Math.min(1000, streams.size() / 2);
        phase("client closes");
        double gaugeSeconds = load.closeAndWatchGauge(streams.subList(0, closing), gauge - closing);
        System.out.printf(Locale.ROOT, "%d streams closed by their clients; the gauge counted them out after %s%n",
                closing, gaugeSeconds < 0 ? "more than 60 s" : String.format(Locale.ROOT, "%.2f s", gaugeSeconds));

        System.out.println();
        System.out.println("| streams | open after | heap MB per 1,000 streams | reply -> event p50 / p95 / p99 / max ms "
                + "| replies arrived | streams dropped | gauge after 1,000 closes | listener backlog drained after |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| %d | %.0f s | %.1f | %.1f / %.1f / %.1f / %.1f | %d of %d | %d | %s | %s |%n",
                streams.size(), openSeconds, mbPer1000, pct(latencies, 50), pct(latencies, 95), pct(latencies, 99),
                pct(latencies, 100), latencies.length, samples, dropped,
                gaugeSeconds < 0 ? "> 60 s" : String.format(Locale.ROOT, "%.2f s", gaugeSeconds),
                settled < 0 ? "not waited for" : String.format(Locale.ROOT, "%.0f s", settled));
        System.exit(0);
    }

    /** Signs in as the admin and creates a personal API token for the agent replies. */
    String apiToken(String email, String password) throws Exception {
        String login = get("/login").body();
        HttpResponse<String> signedIn = form("/login", Map.of("username", email, "password", password,
                "_csrf", find(CSRF, login)));
        if (signedIn.uri().getPath().startsWith("/login")) {
            throw new IllegalStateException("sign-in failed");
        }
        String account = get("/account").body();
        HttpResponse<String> created = form("/account/tokens", Map.of("name", "streams bench", "_csrf",
                find(CSRF, account)));
        return find(PAT, created.body());
    }

    List<Conversation> start(int count) throws Exception {
        List<Conversation> all = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService creators = Executors.newFixedThreadPool(16, Thread.ofVirtual().factory())) {
            for (int t = 0; t < 16; t++) {
                creators.submit(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < count) {
                        HttpResponse<String> r = post("/api/v1/widget/conversations", "{\"name\":\"Stream " + n + "\"}",
                                null);
                        if (r.statusCode() / 100 != 2) {
                            throw new IllegalStateException("start: HTTP " + r.statusCode() + " " + r.body());
                        }
                        all.add(new Conversation(find(ID, r.body()), find(TOKEN, r.body())));
                    }
                    return null;
                });
            }
        }
        return all;
    }

    /** Opens one stream per conversation, 64 at a time, and waits for each to be connected. */
    List<Stream> open(List<Conversation> conversations) throws Exception {
        List<Stream> streams = new ArrayList<>();
        java.util.concurrent.Semaphore opening = new java.util.concurrent.Semaphore(64);
        for (Conversation c : conversations) {
            Stream stream = new Stream(c);
            streams.add(stream);
            opening.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/widget/conversations/" + c.id()
                    + "/events")).header("Authorization", "Bearer " + c.token()).header("Accept", "text/event-stream")
                    .GET().build();
            streamsClient.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).whenComplete((r, e) -> {
                if (e != null || r.statusCode() != 200) {
                    opening.release();
                    System.err.println("stream refused: " + (e != null ? e : "HTTP " + r.statusCode()));
                    stream.endedByServer = true;
                    return;
                }
                stream.body = r.body();
                Thread.ofVirtual().start(() -> read(stream, opening));
            });
        }
        for (Stream s : streams) {
            if (!s.connected.await(120, TimeUnit.SECONDS) && !s.endedByServer) {
                throw new IllegalStateException("a stream did not connect within 120 s");
            }
        }
        return streams;
    }

    private static void read(Stream stream, java.util.concurrent.Semaphore opening) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (stream.connected.getCount() > 0 && line.startsWith(":")) {
                    stream.connected.countDown();
                    opening.release();
                }
                if (System.getenv("STREAM_DEBUG") != null && line.startsWith("data:")) {
                    System.err.println("stream " + stream.conversation.id() + ": " + line);
                }
                int mark = line.indexOf("bench-reply-");
                if (line.startsWith("data:") && mark >= 0) {
                    String key = line.substring(mark, line.indexOf(' ', mark) < 0 ? mark + 20 : line.indexOf(' ', mark))
                            .replaceAll("[^a-z0-9-]", "");
                    ARRIVALS.computeIfAbsent(key, k -> new java.util.concurrent.CompletableFuture<>())
                            .complete(System.nanoTime());
                }
            }
            stream.endedByServer = true;
        } catch (Exception e) {
            // closed by this program (closeAndWatchGauge) or dropped: told apart by endedByServer
        } finally {
            if (stream.connected.getCount() > 0) {
                stream.connected.countDown();
                opening.release();
            }
        }
    }

    /** Agent replies to sampled streams, 20 per second, each timed from its request to its event on the stream. */
    long[] replies(List<Stream> targets, String tag, String apiToken) throws Exception {
        int samples = targets.size();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Long> responses = Collections.synchronizedList(new ArrayList<>());
        long[] inOrder = new long[samples]; // by when each reply was sent: tells a slow start from a slow run
        java.util.Arrays.fill(inOrder, -1);
        try (ExecutorService agents = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < samples; i++) {
                Stream stream = targets.get(i);
                String key = "bench-reply-" + tag + i;
                int index = i;
                agents.submit(() -> {
                    long sent = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base
                            + "/api/v1/conversations/" + stream.conversation.id() + "/messages"))
                            .header("Authorization", "Bearer " + apiToken).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + key + " thanks for waiting\"}"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() / 100 != 2) {
                        System.err.println("reply: HTTP " + r.statusCode() + " " + r.body());
                        return null;
                    }
                    responses.add(System.nanoTime() - sent);
                    try {
                        long latency = ARRIVALS.computeIfAbsent(key, k -> new java.util.concurrent.CompletableFuture<>())
                                .get(30, TimeUnit.SECONDS) - sent;
                        latencies.add(latency);
                        inOrder[index] = latency;
                    } catch (java.util.concurrent.TimeoutException e) {
                        // not arrived within 30 s: counted as missing
                    }
                    return null;
                });
                Thread.sleep(50);
            }
        }
        StringBuilder quarters = new StringBuilder("reply -> event by quarter of the replies, in the order sent (p50 / p99 ms):");
        for (int q = 0; q < 4; q++) {
            long[] part = java.util.Arrays.stream(inOrder, q * samples / 4, (q + 1) * samples / 4).filter(v -> v >= 0)
                    .sorted().toArray();
            quarters.append(String.format(Locale.ROOT, " %.1f / %.1f", pct(part, 50), pct(part, 99)));
        }
        System.out.println(quarters);
        long[] answered = responses.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "reply requests answered in p50 %.1f ms, p99 %.1f ms%n", pct(answered, 50),
                pct(answered, 99));
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /**
     * The same measurement through curl, a client of its own in another process, one stream at a time: tells the node's
     * latency apart from this program's (whose thousands of streams share one HttpClient and two cores).
     */
    long[] curlProbes(List<Stream> targets, String apiToken) throws Exception {
        List<Long> latencies = new ArrayList<>();
        int n = 0;
        for (Stream target : targets) {
            String key = "bench-probe-" + n++;
            Process curl = new ProcessBuilder("curl", "-sN", "-H", "Authorization: Bearer " + target.conversation.token(),
                    base + "/api/v1/widget/conversations/" + target.conversation.id() + "/events")
                    .redirectErrorStream(true).start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(curl.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line = lines.readLine(); // ":connected"
                long sent = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/conversations/"
                        + target.conversation.id() + "/messages")).header("Authorization", "Bearer " + apiToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + key + " thanks\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 != 2) {
                    throw new IllegalStateException("probe reply: HTTP " + r.statusCode());
                }
                while ((line = lines.readLine()) != null) {
                    if (line.contains(key)) {
                        latencies.add(System.nanoTime() - sent);
                        break;
                    }
                }
            } finally {
                curl.destroy();
            }
        }
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /**
     * Closes the streams from the client side, one after another, and returns the seconds from the first close until
     * the node's gauge reached the target (-1 after 60 s). Every close was counted out within that time, and within
     * no less than the time from the last close, which is printed beside it: the two bound the slowest close's wait.
     */
    double closeAndWatchGauge(List<Stream> closing, double target) throws Exception {
        long start = System.nanoTime();
        for (Stream s : closing) {
            if (s.body != null) {
                s.body.close();
            }
        }
        long lastClose = System.nanoTime();
        StringBuilder polls = new StringBuilder();
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60)) {
            long asked = System.nanoTime();
            double value = gauge();
            long now = System.nanoTime();
            // each poll: when it was sent after the first close, how long the scrape took, what it read
            polls.append(String.format(Locale.ROOT, " %.2f+%.0fms=%.0f", (asked - start) / 1e9, (now - asked) / 1e6, value));
            if (value <= target) {
                System.out.printf(Locale.ROOT, "the %d closes took %.2f s; the gauge was exact %.2f s after the first, "
                        + "%.2f s after the last (the scrape that read it was sent %.2f s after the first)%n",
                        closing.size(), (lastClose - start) / 1e9, (now - start) / 1e9, (now - lastClose) / 1e9,
                        (asked - start) / 1e9);
                System.out.println("gauge polls (sent after the first close + scrape time = value):" + polls);
                return (now - start) / 1e9;
            }
            Thread.sleep(100);
        }
        System.out.printf(Locale.ROOT, "the gauge still read %.0f after 60 s (target %.0f)%n", gauge(), target);
        return -1;
    }

    /** The wall-clock time of a phase's start, to set beside the node's logs (e.g. a GC log with -Xlog's time). */
    static void phase(String name) {
        System.out.printf(Locale.ROOT, "[%s] %s%n", java.time.LocalTime.now(java.time.ZoneOffset.UTC), name);
    }

    /**
     * Waits until the node's module listeners have nothing queued (three readings in a row a second apart).
     * @return seconds waited, or -1 after {@code limit}
     */
    double awaitListenersCaughtUp(Duration limit) throws Exception {
        long start = System.nanoTime();
        int quiet = 0;
        while (System.nanoTime() - start < limit.toNanos()) {
            Matcher m = LISTENERS_QUEUED.matcher(get("/actuator/prometheus").body());
            quiet = m.find() && Double.parseDouble(m.group(1)) == 0 ? quiet + 1 : 0;
            if (quiet == 3) {
                return (System.nanoTime() - start) / 1e9 - 2;
            }
            Thread.sleep(1000);
        }
        return -1;
    }

    /**
     * The node's CPU time over {@code seconds} with every stream open and nothing published, as a percentage of one
     * core: what keeping the streams costs (the heartbeat every 20 s, the check twice a second for closed clients).
     */
    double idleCpuPercent(long pid, int seconds) throws Exception {
        ProcessHandle node = ProcessHandle.of(pid).orElseThrow();
        long before = node.info().totalCpuDuration().orElseThrow().toNanos();
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long used = node.info().totalCpuDuration().orElseThrow().toNanos() - before;
        return 100.0 * used / (System.nanoTime() - start);
    }

    /** Bytes of live objects (a class histogram runs a full GC first), without G1's filler arrays. */
    double heapAfterGc(long pid) throws Exception {
        Process histogram = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.class_histogram").start();
        String text = new String(histogram.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        histogram.waitFor();
        if (System.getenv("HISTOGRAM_DIR") != null) { // kept for a diff of what the streams hold
            java.nio.file.Files.writeString(java.nio.file.Path.of(System.getenv("HISTOGRAM_DIR"),
                    "histogram-" + System.currentTimeMillis() + ".txt"), text);
        }
        Matcher total = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)").matcher(text);
        Matcher filler = Pattern.compile("(?m)^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+\\[Ljdk\\.internal\\.vm\\.FillerElement;").matcher(text);
        if (!total.find()) {
            throw new IllegalStateException("no class histogram from jcmd: " + text);
        }
        return Double.parseDouble(total.group(1)) - (filler.find() ? Double.parseDouble(filler.group(1)) : 0);
    }

    double gauge() throws Exception {
        return Double.parseDouble(find(WIDGET_STREAMS, get("/actuator/prometheus").body()));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> form(String path, Map<String, String> fields) throws Exception {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not found: " + pattern + " in " + text.substring(0, Math.min(300, text.length())));
        }
        return m.group(1);
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
