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
 * concurrency. Run by bench/load.sh against a started jar (single-file source program: java WidgetLoad.java ...).
 *
 * Arguments: base URL, knowledge folder (its articles' example questions are the questions), levels (4,8,16,32),
 * seconds per level, conversations pre-created per level. A warm-up at the first level comes first
 * (LOAD_WARMUP_SECONDS, default 15; 0 for none), so the JIT has compiled the hot paths before anything is measured.
 */
public class WidgetLoad {

    private static final Pattern EXAMPLE = Pattern.compile("^\\s+-\\s+\"(.+)\"\\s*$");
    private static final Pattern ID = Pattern.compile("\"conversationId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern QUEUED = Pattern.compile("^parley_events_listeners_queued\\S*\\s+([0-9.E+]+)",
            Pattern.MULTILINE);

    record Conversation(String id, String token) {
    }

    record Result(long nanos, int status, String conversationStatus) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final String base;
    private final List<String> questions;
    private final AtomicLong unique = new AtomicLong();

    WidgetLoad(String base, List<String> questions) {
        this.base = base;
        this.questions = questions;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> questions = questions(Path.of(args[1]));
        int[] levels = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.parseInt(args[3]);
        int perLevel = Integer.parseInt(args[4]);
        WidgetLoad load = new WidgetLoad(base, questions);
        System.out.printf("%d distinct example questions from %s; %d s per level%n", questions.size(), args[1], seconds);
        System.out.println("| clients | messages | messages/s | p50 ms | p95 ms | p99 ms | max ms | errors (5xx / other) "
                + "| answered | escalated | listener backlog max / drained after |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        int warmUp = Integer.parseInt(System.getenv().getOrDefault("LOAD_WARMUP_SECONDS", "15"));
        if (warmUp > 0) {
            System.out.print("warm-up (not a result): ");
            load.level(levels[0], warmUp, perLevel / 2);
        }
        for (int clients : levels) {
            load.level(clients, seconds, perLevel);
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

    void level(int clients, int seconds, int perLevel) throws Exception {
        ConcurrentLinkedQueue<Conversation> ready = precreate(perLevel);
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        AtomicInteger exceptions = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        double[] backlog = {0};
        Thread sampler = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                backlog[0] = Math.max(backlog[0], queued());
                try {
                    Thread.sleep(500);
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
                                        "{\"text\":\"" + json(nextQuestion()) + "\",\"clientMessageId\":\"b"
                                                + unique.incrementAndGet() + "\"}", c.token());
                                results.add(new Result(System.nanoTime() - t0, r.statusCode(), status(r.body())));
                            } catch (Exception e) {
                                exceptions.incrementAndGet();
                                results.add(new Result(System.nanoTime() - t0, 0, null));
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
        report(clients, results, elapsed, exceptions.get(), backlog[0], drained, ready.isEmpty());
    }

    private void report(int clients, ConcurrentLinkedQueue<Result> all, double elapsed, int exceptions, double backlog,
            double drained, boolean ranOut) {
        List<Result> results = new ArrayList<>(all);
        long[] ok = results.stream().filter(r -> r.status() / 100 == 2).mapToLong(Result::nanos).sorted().toArray();
        long serverErrors = results.stream().filter(r -> r.status() / 100 == 5).count();
        long otherErrors = results.stream().filter(r -> r.status() / 100 != 2 && r.status() / 100 != 5).count();
        long answered = results.stream().filter(r -> "AI_RESOLVED".equals(r.conversationStatus())).count();
        long escalated = results.stream().filter(r -> r.status() / 100 == 2 && !"AI_RESOLVED".equals(r.conversationStatus())).count();
        System.out.printf(Locale.ROOT, "| %d | %d | %.1f | %.0f | %.0f | %.0f | %.0f | %d / %d | %d | %d | %.0f / %.1f s |%s%n",
                clients, ok.length, ok.length / elapsed, pct(ok, 50), pct(ok, 95), pct(ok, 99), pct(ok, 100),
                serverErrors, otherErrors, answered, escalated, backlog, drained,
                ranOut ? " (ran out of pre-created conversations after " + Math.round(elapsed) + " s)" : "");
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private ConcurrentLinkedQueue<Conversation> precreate(int count) throws Exception {
        ConcurrentLinkedQueue<Conversation> ready = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService creators = Executors.newFixedThreadPool(8, Thread.ofVirtual().factory())) {
            for (int t = 0; t < 8; t++) {
                creators.submit(() -> {
                    while (next.getAndIncrement() < count) {
                        HttpResponse<String> r = post("/api/v1/widget/conversations",
                                "{\"name\":\"Load " + next.get() + "\"}", null);
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

    private String nextQuestion() {
        long n = unique.incrementAndGet();
        String q = questions.get((int) (n % questions.size()));
        return q + " (ref " + n + ")";
    }

    private HttpResponse<String> post(String path, String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Module listener runs waiting for a thread, from the metrics endpoint (-1 when it cannot be read). */
    private double queued() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = QUEUED.matcher(r.body());
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
}
