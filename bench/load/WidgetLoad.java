import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Widget load: customers posting unique in-scope questions, one per pre-created conversation, at rising
 * concurrency; then the waiting queue filled with LOAD_WAITING conversations whose customers asked for a person,
 * the queue broadcast timed on LOAD_STREAMS of their event streams, and customers asking for a person at the same
 * levels. Run by bench/load.sh against a started jar (single-file source program: java WidgetLoad.java ...).
 *
 * Arguments: base URL, knowledge folder (its articles' example questions are the questions), levels (1,4,16,64,256),
 * seconds per level, conversations pre-created per level. A warm-up at the first level comes first
 * (LOAD_WARMUP_SECONDS, default 15; 0 for none), so the JIT has compiled the hot paths before anything is measured.
 * LOAD_CEILING (questions/s of the embedding model alone, from the jar's embed-ceiling command) adds the ratios.
 * {@code java WidgetLoad.java questions FOLDER} prints the example questions, one a line (the ceiling's input).
 */
public class WidgetLoad {

    private static final Pattern EXAMPLE = Pattern.compile("^\\s+-\\s+\"(.+)\"\\s*$");
    private static final Pattern ID = Pattern.compile("\"conversationId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern QUEUED = Pattern.compile("^parley_events_listeners_queued\\S*\\s+([0-9.E+]+)",
            Pattern.MULTILINE);
    private static final Pattern QUEUE_LENGTH = Pattern.compile("^parley_queue_length\\S*\\s+([0-9.E+]+)",
            Pattern.MULTILINE);

    record Conversation(String id, String token) {
    }

    /** {@code failure}: for a request that got no 2xx, its status and body, or the exception the client threw. */
    record Result(long nanos, int status, String conversationStatus, String failure) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final String base;
    private final List<String> questions;
    private final AtomicLong unique = new AtomicLong();
    final java.util.function.Supplier<String> askQuestion = this::nextQuestion;
    final java.util.function.Supplier<String> askForPerson = this::personRequest;
    private final java.util.Map<Object, Double> bestRate = new java.util.concurrent.ConcurrentHashMap<>();

    WidgetLoad(String base, List<String> questions) {
        this.base = base;
        this.questions = questions;
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("questions")) {
            questions(Path.of(args[1])).forEach(System.out::println);
            return;
        }
        String base = args[0];
        List<String> questions = questions(Path.of(args[1]));
        int[] levels = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.parseInt(args[3]);
        int perLevel = Integer.parseInt(args[4]);
        WidgetLoad load = new WidgetLoad(base, questions);
        int waiting = Integer.parseInt(System.getenv().getOrDefault("LOAD_WAITING", "10000"));
        int streams = Integer.parseInt(System.getenv().getOrDefault("LOAD_STREAMS", "500"));
        System.out.printf("%d distinct example questions from %s; %d s per level%n", questions.size(), args[1],
                seconds);
        System.out.println();
        System.out.println("Answered: each customer asks an example question (numbered) on a fresh conversation");
        header();
        int warmUp = Integer.parseInt(System.getenv().getOrDefault("LOAD_WARMUP_SECONDS", "15"));
        if (warmUp > 0) {
            System.out.print("warm-up (not a result): ");
            load.level(levels[0], warmUp, perLevel / 2, load.askQuestion);
        }
        double bestAnswered = 0;
        double p99At64 = Double.NaN;
        // LOAD_ANSWERED=0 leaves the answered levels out (after the warm-up), e.g. to measure escalations again
        boolean answeredLevels = !"0".equals(System.getenv("LOAD_ANSWERED"));
        for (int clients : answeredLevels ? levels : new int[0]) {
            Level level = load.level(clients, seconds, perLevel, load.askQuestion);
            bestAnswered = Math.max(bestAnswered, level.perSecond());
            p99At64 = clients == 64 ? level.p99() : p99At64;
        }
        System.out.println();
        List<Conversation> queue = load.fillQueue(waiting);
        new QueueFanOut(load, queue.subList(0, Math.min(streams, queue.size()))).run();
        System.out.println();
        System.out.printf("Escalated: each customer asks for a person on a fresh conversation, %.0f waiting%n",
                load.metric(QUEUE_LENGTH));
        header();
        double bestEscalated = 0;
        for (int clients : levels) {
            bestEscalated = Math.max(bestEscalated,
                    load.level(clients, seconds, perLevel, load.askForPerson).perSecond());
        }
        ratios(bestAnswered, bestEscalated, p99At64);
    }

    record Level(double perSecond, double p99) {
    }

    private static void header() {
        System.out.println("| clients | messages | messages/s | p50 ms | p95 ms | p99 ms | max ms "
                + "| errors 5xx (of them 503) / other "
                + "| answered | escalated | listener backlog max / drained after "
                + "| CPU ms per message: node / harness / PostgreSQL (machine idle) | node CPU ms per message with the drain |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    }

    private static void ratios(double answered, double escalated, double p99At64) {
        String ceilingText = System.getenv("LOAD_CEILING");
        System.out.println();
        System.out.printf(Locale.ROOT,
                "best answered %.1f messages/s, best escalated %.1f/s, p99 at 64 clients %.0f ms%n",
                answered, escalated, p99At64);
        if (ceilingText != null && !ceilingText.isBlank()) {
            double ceiling = Double.parseDouble(ceilingText);
            System.out.printf(Locale.ROOT, "ratios to the embedding-only ceiling (%.1f questions/s): answered %.2f "
                    + "(bar 0.8), escalated %.2f (bar 0.7)%n", ceiling, answered / ceiling, escalated / ceiling);
        }
    }

    static List<String> questions(Path folder) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    Matcher m = EXAMPLE.matcher(line);
                    if (m.matches()) {
                        all.add(m.group(1));
                    }
                }
            }
        }
        return all;
    }

    Level level(int clients, int seconds, int perLevel, java.util.function.Supplier<String> text) throws Exception {
        // enough for one and a half times the best rate so far, at most perLevel: starting conversations costs time
        int needed = Math.max(clients * 4, (int) Math.ceil(bestRate.getOrDefault(text, 50.0) * seconds * 1.5) + 100);
        ConcurrentLinkedQueue<Conversation> ready = precreate(Math.min(perLevel, needed));
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        AtomicInteger exceptions = new AtomicInteger();
        CpuTimes cpuBefore = CpuTimes.now();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        double[] backlog = {0};
        Thread sampler = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                backlog[0] = Math.max(backlog[0], queued());
                try {
                    Thread.sleep(2000); // a scrape costs the node some CPU too
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        CountDownLatch done = new CountDownLatch(clients);
        try (ExecutorService customers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients; i++) {
                customers.submit(() -> {
                    try {
                        Conversation c;
                        while (System.nanoTime() < end && (c = ready.poll()) != null) {
                            long t0 = System.nanoTime();
                            try {
                                HttpResponse<String> r = post("/api/v1/widget/conversations/" + c.id() + "/messages",
                                        "{\"text\":\"" + json(text.get()) + "\",\"clientMessageId\":\"b"
                                                + unique.incrementAndGet() + "\"}", c.token());
                                results.add(new Result(System.nanoTime() - t0, r.statusCode(), status(r.body()),
                                        r.statusCode() / 100 == 2 ? null : r.statusCode() + " " + shorten(r.body())));
                            } catch (Exception e) {
                                exceptions.incrementAndGet();
                                results.add(new Result(System.nanoTime() - t0, 0, null, e.toString()));
                            }
                        }
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        CpuTimes cpuDuring = CpuTimes.now().since(cpuBefore);
        sampler.interrupt();
        long drainStart = System.nanoTime();
        double left;
        do {
            left = queued();
            backlog[0] = Math.max(backlog[0], left);
            if (left > 0) {
                Thread.sleep(250);
            }
        } while (left > 0 && System.nanoTime() - drainStart < Duration.ofMinutes(5).toNanos());
        double drained = (System.nanoTime() - drainStart) / 1e9;
        CpuTimes cpuWithDrain = CpuTimes.now().since(cpuBefore);
        Level level = report(clients, results, elapsed, exceptions.get(), backlog[0], drained, ready.isEmpty(),
                cpuDuring, cpuWithDrain);
        bestRate.merge(text, level.perSecond(), Math::max);
        return level;
    }

    private Level report(int clients, ConcurrentLinkedQueue<Result> all, double elapsed, int exceptions, double backlog,
            double drained, boolean ranOut, CpuTimes cpuDuring, CpuTimes cpuWithDrain) {
        List<Result> results = new ArrayList<>(all);
        long[] ok = results.stream().filter(r -> r.status() / 100 == 2).mapToLong(Result::nanos).sorted().toArray();
        long serverErrors = results.stream().filter(r -> r.status() / 100 == 5).count();
        long unavailable = results.stream().filter(r -> r.status() == 503).count();
        long otherErrors = results.stream().filter(r -> r.status() / 100 != 2 && r.status() / 100 != 5).count();
        long answered = results.stream().filter(r -> "AI_RESOLVED".equals(r.conversationStatus())).count();
        long escalated = results.stream().filter(r -> r.status() / 100 == 2 && !"AI_RESOLVED".equals(r.conversationStatus())).count();
        System.out.printf(Locale.ROOT, "| %d | %d | %.1f | %.0f | %.0f | %.0f | %.0f | %d (%d) / %d | %d | %d | %.0f / %.1f s "
                + "| %s | %.1f |%s%n",
                clients, ok.length, ok.length / elapsed, pct(ok, 50), pct(ok, 95), pct(ok, 99), pct(ok, 100),
                serverErrors, unavailable, otherErrors, answered, escalated, backlog, drained,
                cpuDuring.perMessage(ok.length), ok.length == 0 ? Double.NaN : cpuWithDrain.app() / ok.length,
                ranOut ? " (ran out of pre-created conversations after " + Math.round(elapsed) + " s)" : "");
        results.stream().filter(r -> r.failure() != null && r.status() / 100 != 2 && r.status() != 503)
                .collect(java.util.stream.Collectors.groupingBy(Result::failure, java.util.TreeMap::new,
                        java.util.stream.Collectors.counting()))
                .forEach((failure, count) -> System.err.printf(Locale.ROOT, "%d-client level, failed %d x: %s%n",
                        clients, count, failure));
        return new Level(ok.length / elapsed, pct(ok, 99));
    }

    private static String shorten(String body) {
        String line = body == null ? "" : body.replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /**
     * Starts {@code count} conversations whose first message asks for a person, as fast as the app takes them
     * (not timed), and waits until the queue has them all.
     */
    List<Conversation> fillQueue(int count) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(
                Integer.parseInt(System.getenv().getOrDefault("LOAD_FILL_MINUTES", "15"))).toNanos();
        List<Conversation> waiting = new ArrayList<>(precreate(count,
                () -> ",\"message\":\"" + json(personRequest()) + "\"", deadline));
        count = waiting.size();
        double length;
        while ((length = metric(QUEUE_LENGTH)) < count && System.nanoTime() - start < Duration.ofMinutes(20).toNanos()) {
            Thread.sleep(500);
        }
        System.out.printf(Locale.ROOT, "queue filled: %d conversations started asking for a person in %.0f s "
                + "(not timed; at most LOAD_FILL_MINUTES), queue length %.0f%n", waiting.size(), (System.nanoTime() - start) / 1e9, length);
        return waiting;
    }

    String personRequest() {
        return "I would like to talk to a person about my order, please (ref " + unique.incrementAndGet() + ")";
    }

    ConcurrentLinkedQueue<Conversation> precreate(int count) throws Exception {
        return precreate(count, () -> "", Long.MAX_VALUE);
    }

    private ConcurrentLinkedQueue<Conversation> precreate(int count, java.util.function.Supplier<String> firstMessage,
            long deadline) throws Exception {
        ConcurrentLinkedQueue<Conversation> ready = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService creators = Executors.newFixedThreadPool(8, Thread.ofVirtual().factory())) {
            for (int t = 0; t < 8; t++) {
                creators.submit(() -> {
                    while (next.getAndIncrement() < count && System.nanoTime() < deadline) {
                        HttpResponse<String> r = post("/api/v1/widget/conversations",
                                "{\"name\":\"Load " + next.get() + "\"" + firstMessage.get() + "}", null);
                        if (r.statusCode() / 100 != 2) {
                            throw new IllegalStateException("start: HTTP " + r.statusCode() + " " + r.body());
                        }
                        ready.add(new Conversation(find(ID, r.body()), find(TOKEN, r.body())));
                    }
                    return null;
                });
            }
        }
        // Let the starts' own listeners finish, so each level measures messages only.
        long waitStart = System.nanoTime();
        while (queued() > 0 && System.nanoTime() - waitStart < Duration.ofMinutes(5).toNanos()) {
            Thread.sleep(250);
        }
        return ready;
    }

    String nextQuestion() {
        long n = unique.incrementAndGet();
        String q = questions.get((int) (n % questions.size()));
        return q + " (ref " + n + ")";
    }

    HttpResponse<String> post(String path, String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Module listener runs waiting for a thread, from the metrics endpoint (-1 when it cannot be read). */
    private double queued() {
        return metric(QUEUED);
    }

    /** A figure from the metrics endpoint (-1 when it cannot be read). */
    double metric(Pattern metric) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = metric.matcher(r.body());
            return m.find() ? Double.parseDouble(m.group(1)) : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private static String status(String body) {
        // The conversation's status follows the two messages in the response.
        Matcher m = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"\\s*,\\s*\"cursor\"").matcher(body);
        return m.find() ? m.group(1) : null;
    }

    private static String find(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("not in response: " + pattern + " / " + body);
        }
        return m.group(1);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * SSE fan-out: with the queue full, event streams open on some of the waiting conversations, one customer at a
     * time asks for a person every two seconds; each change makes the node tell every waiting customer their place
     * (the `queue` event), and the time from the request's start to that event is taken on every open stream.
     */
    static final class QueueFanOut {
        private static final long SPACING = Duration.ofSeconds(2).toNanos();
        private final WidgetLoad load;
        private final List<Conversation> streams;
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

        QueueFanOut(WidgetLoad load, List<Conversation> streams) {
            this.load = load;
            this.streams = streams;
        }

        void run() throws Exception {
            int samples = Integer.parseInt(System.getenv().getOrDefault("LOAD_FANOUT_SAMPLES", "20"));
            List<Conversation> fresh = new ArrayList<>(load.precreate(samples));
            List<ConcurrentLinkedQueue<Long>> arrivals = new ArrayList<>();
            List<java.io.InputStream> bodies = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch open = new CountDownLatch(streams.size());
            for (Conversation c : streams) {
                ConcurrentLinkedQueue<Long> seen = new ConcurrentLinkedQueue<>();
                arrivals.add(seen);
                client.sendAsync(HttpRequest.newBuilder(URI.create(load.base + "/api/v1/widget/conversations/"
                                + c.id() + "/events")).header("Authorization", "Bearer " + c.token())
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream())
                        .thenAccept(r -> {
                            bodies.add(r.body());
                            open.countDown();
                            Thread.ofVirtual().start(() -> read(r.body(), seen));
                        });
            }
            boolean allOpen = open.await(2, java.util.concurrent.TimeUnit.MINUTES);
            Thread.sleep(2000);
            List<Long> starts = new ArrayList<>();
            int failed = 0;
            for (Conversation c : fresh) {
                long t0 = System.nanoTime();
                starts.add(t0);
                HttpResponse<String> r = load.post("/api/v1/widget/conversations/" + c.id() + "/messages",
                        "{\"text\":\"" + json(load.personRequest()) + "\"}", c.token());
                failed += r.statusCode() / 100 == 2 ? 0 : 1;
                Thread.sleep(Math.max(0, (t0 + SPACING - System.nanoTime()) / 1_000_000));
            }
            Thread.sleep(1000);
            bodies.forEach(body -> {
                try {
                    body.close();
                } catch (IOException ignored) {
                    // the stream is being dropped anyway
                }
            });
            List<Long> latencies = new ArrayList<>();
            for (long t0 : starts) {
                for (ConcurrentLinkedQueue<Long> seen : arrivals) {
                    seen.stream().filter(t -> t >= t0 && t < t0 + SPACING).min(Long::compare)
                            .ifPresent(t -> latencies.add(t - t0));
                }
            }
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.println("| open streams | queue changes | request -> `queue` event p50 / p95 / p99 / max ms "
                    + "| arrived | failed requests |");
            System.out.println("|---|---|---|---|---|");
            System.out.printf(Locale.ROOT, "| %d%s | %d | %.0f / %.0f / %.0f / %.0f | %d of %d | %d |%n",
                    bodies.size(), allOpen ? "" : " (not all opened)", starts.size(), pct(sorted, 50),
                    pct(sorted, 95), pct(sorted, 99), pct(sorted, 100), sorted.length,
                    (long) starts.size() * streams.size(), failed);
        }

        private static void read(java.io.InputStream body, ConcurrentLinkedQueue<Long> seen) {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(body,
                    java.nio.charset.StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("event:") && line.substring(6).strip().equals("queue")) {
                        seen.add(System.nanoTime());
                    }
                }
            } catch (IOException closed) {
                // closed by the harness at the end
            }
        }
    }

    private static boolean isPid(Path dir) {
        return dir.getFileName().toString().chars().allMatch(Character::isDigit);
    }

    /**
     * CPU time used so far, from /proc (Linux), in milliseconds: the node under test (its pid in LOAD_APP_PID), this
     * harness, every PostgreSQL process, and the machine's idle time. Two snapshots give what a level cost each side.
     * Processes that ended between snapshots are not counted (PostgreSQL's pooled connections live through a run).
     */
    static record CpuTimes(double app, double harness, double postgres, double idle, double total) {

        private static final double TICK_MS =
                1000.0 / Double.parseDouble(System.getenv().getOrDefault("LOAD_CLK_TCK", "100"));

        static CpuTimes now() {
            String appPid = System.getenv("LOAD_APP_PID");
            double app = appPid == null || !appPid.matches("[0-9]+") ? Double.NaN : process(Path.of("/proc", appPid, "stat"));
            double harness = process(Path.of("/proc/self/stat"));
            double postgres = 0;
            try (Stream<Path> all = Files.list(Path.of("/proc"))) {
                for (Path dir : (Iterable<Path>) all.filter(WidgetLoad::isPid)::iterator) {
                    String stat = read(dir.resolve("stat"));
                    if (stat != null && stat.contains("(postgres)")) {
                        postgres += ticks(stat);
                    }
                }
            } catch (IOException e) {
                postgres = Double.NaN;
            }
            double idle = Double.NaN;
            double total = Double.NaN;
            String cpu = read(Path.of("/proc/stat"));
            if (cpu != null) {
                String[] f = cpu.lines().findFirst().orElse("").trim().split("\\s+");
                idle = (Long.parseLong(f[4]) + Long.parseLong(f[5])) * TICK_MS;
                total = 0;
                for (int i = 1; i < Math.min(f.length, 9); i++) {
                    total += Long.parseLong(f[i]) * TICK_MS;
                }
            }
            return new CpuTimes(app, harness, postgres * TICK_MS, idle, total);
        }

        CpuTimes since(CpuTimes before) {
            return new CpuTimes(app - before.app, harness - before.harness, postgres - before.postgres, idle - before.idle,
                    total - before.total);
        }

        /** "app / harness / PostgreSQL ms per message (machine idle %)" for {@code messages} messages. */
        String perMessage(int messages) {
            if (messages == 0) {
                return "–";
            }
            return String.format(java.util.Locale.ROOT, "%.1f / %.1f / %.1f (%.0f %%)", app / messages,
                    harness / messages, postgres / messages, 100 * idle / total);
        }

        private static double process(Path stat) {
            String text = read(stat);
            return text == null ? Double.NaN : ticks(text) * TICK_MS;
        }

        /** utime + stime: fields 14 and 15, counted after the command name's closing parenthesis. */
        private static double ticks(String stat) {
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }

        private static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }
}
