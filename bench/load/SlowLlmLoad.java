import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A slow model under many conversations (issue 16, item 6): N widget conversations, each with its event stream open,
 * post one in-scope question each at the same moment while the OpenAI-compatible provider takes seconds per answer.
 * While they wait, other customers' traffic (starting conversations, reading transcripts, the widget's config, the
 * health endpoint) is timed and the node's pool and thread gauges are sampled. Per conversation: when its own message
 * came back on its stream, when the assistant's typing event and the first streamed token came, when the reply came
 * (on the stream and as the POST's response), and how it ended (status, reply). Run by bench/slow-llm.sh.
 * Arguments: base URL, knowledge folder, conversations, phase label ("answers": every reply should be the model's;
 * "timeouts": every one a hand-off or the offline answer standing in), the node's pid (its pool and thread gauges are
 * read over JMX).
 */
public class SlowLlmLoad {

    private static final Pattern ID = Pattern.compile("\"conversationId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"\\s*,\\s*\"cursor\"");
    private static final Pattern REPLY_TEXT = Pattern.compile("\"reply\"\\s*:\\s*\\{.*?\"text\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern AUTHOR = Pattern.compile("\"authorType\"\\s*:\\s*\"([A-Z]+)\"");
    private static final Pattern INTERNAL = Pattern.compile("\"internal\"\\s*:\\s*true");
    record Conversation(String id, String token) {
    }

    /** One customer: its stream's arrivals (nanoTime, 0 = not yet) and its POST's outcome. */
    static final class Customer {
        final Conversation conversation;
        final CountDownLatch connected = new CountDownLatch(1);
        volatile long echo;
        volatile long typing;
        volatile long firstToken;
        volatile long replyOnStream;
        volatile long sent;
        volatile long answered;
        volatile int httpStatus;
        volatile String status;
        volatile String reply;

        Customer(Conversation conversation) {
            this.conversation = conversation;
        }
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final HttpClient probes = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicInteger unique = new AtomicInteger();
    /** Questions posted and not yet answered, and when posting began (for the gauges' timeline). */
    private final AtomicInteger outstanding = new AtomicInteger();
    private volatile long postStart;
    private final List<String> timeline = Collections.synchronizedList(new ArrayList<>());

    SlowLlmLoad(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        SlowLlmLoad load = new SlowLlmLoad(args[0]);
        List<String> questions = questions(Path.of(args[1]));
        int count = Integer.parseInt(args[2]);
        String phase = args[3];
        load.connectJmx(args[4]);

        load.warmUp(questions);
        List<Customer> customers = new ArrayList<>();
        for (Conversation c : load.start(count, "Slow " + phase)) {
            customers.add(new Customer(c));
        }
        long openStart = System.nanoTime();
        customers.forEach(load::open);
        for (Customer c : customers) {
            if (!c.connected.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a stream did not connect within 60 s");
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d conversations started, %d streams open after %.1f s%n", phase,
                customers.size(), customers.size(), (System.nanoTime() - openStart) / 1e9);

        AtomicBoolean waiting = new AtomicBoolean(true);
        Map<String, List<Long>> other = new ConcurrentHashMap<>();
        Map<String, Double> peaks = new ConcurrentHashMap<>();
        AtomicInteger otherErrors = new AtomicInteger();
        List<Conversation> others = load.start(20, "Other");
        Thread sampler = Thread.ofVirtual().start(() -> load.sample(waiting, peaks));
        Thread traffic = Thread.ofVirtual().start(() -> load.otherTraffic(waiting, others, other, otherErrors));

        long postStart = System.nanoTime();
        load.postStart = postStart;
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService posting = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Customer c : customers) {
                String question = questions.get(load.unique.incrementAndGet() % questions.size());
                posting.submit(() -> {
                    go.await();
                    load.post(c, question);
                    return null;
                });
            }
            go.countDown();
        }
        double allAnswered = (System.nanoTime() - postStart) / 1e9;
        long settle = System.nanoTime();
        while (customers.stream().anyMatch(c -> c.httpStatus / 100 == 2 && c.replyOnStream == 0)
                && System.nanoTime() - settle < TimeUnit.SECONDS.toNanos(60)) {
            Thread.sleep(100); // replies still on their way to the streams
        }
        waiting.set(false);
        traffic.join();
        sampler.join();
        load.report(phase, customers, allAnswered, other, otherErrors.get(), peaks);
        System.exit(0);
    }

    /** The knowledge base's example questions (the quoted items of each article's front matter), as bench/load.sh. */
    static List<String> questions(Path folder) throws IOException {
        Pattern example = Pattern.compile("^\\s+-\\s+\"(.+)\"\\s*$");
        try (var files = java.nio.file.Files.list(folder)) {
            List<String> all = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                java.nio.file.Files.readAllLines(file).stream().map(example::matcher).filter(Matcher::matches)
                        .forEach(m -> all.add(m.group(1)));
            }
            return all;
        }
    }

    /** One question through the whole path first, so the measurement does not include the first call's set-up. */
    void warmUp(List<String> questions) throws Exception {
        Conversation c = start(1, "Warm-up").getFirst();
        Customer customer = new Customer(c);
        post(customer, questions.getFirst());
        System.out.printf(Locale.ROOT, "warm-up answered in %.1f s: HTTP %d, %s%n", (customer.answered - customer.sent)
                / 1e9, customer.httpStatus, customer.status);
    }

    List<Conversation> start(int count, String name) throws Exception {
        List<Conversation> all = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService creators = Executors.newFixedThreadPool(8, Thread.ofVirtual().factory())) {
            for (int n = 0; n < count; n++) {
                int number = n;
                creators.submit(() -> {
                    HttpResponse<String> r = send(json("/api/v1/widget/conversations", "{\"name\":\"" + name + " "
                            + number + "\"}", null));
                    if (r.statusCode() != 201) {
                        throw new IllegalStateException("start: HTTP " + r.statusCode() + " " + r.body());
                    }
                    all.add(new Conversation(find(ID, r.body()), find(TOKEN, r.body())));
                    return null;
                });
            }
        }
        if (all.size() != count) {
            throw new IllegalStateException("started " + all.size() + " of " + count);
        }
        return all;
    }

    void open(Customer customer) {
        Conversation c = customer.conversation;
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/widget/conversations/" + c.id()
                + "/events")).header("Authorization", "Bearer " + c.token()).header("Accept", "text/event-stream")
                .GET().build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenAccept(r -> {
            if (r.statusCode() != 200) {
                System.err.println("stream refused: HTTP " + r.statusCode());
                return;
            }
            Thread.ofVirtual().start(() -> read(customer, r));
        });
    }

    private static void read(Customer customer, HttpResponse<java.io.InputStream> response) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = "message";
            String line;
            while ((line = lines.readLine()) != null) {
                long now = System.nanoTime();
                if (line.startsWith(":")) {
                    customer.connected.countDown();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (event.equals("typing") && line.contains("\"ASSISTANT\"") && customer.typing == 0) {
                        customer.typing = now;
                    } else if (event.equals("token") && customer.firstToken == 0) {
                        customer.firstToken = now;
                    } else if (event.equals("message")) {
                        Matcher author = AUTHOR.matcher(line);
                        String type = author.find() ? author.group(1) : "";
                        if (type.equals("CUSTOMER") && customer.echo == 0) {
                            customer.echo = now;
                        } else if (type.equals("ASSISTANT") && !INTERNAL.matcher(line).find()
                                && customer.replyOnStream == 0) {
                            customer.replyOnStream = now;
                        }
                    }
                } else if (line.isEmpty()) {
                    event = "message";
                }
            }
        } catch (IOException e) {
            // closed when the program exits
        } finally {
            customer.connected.countDown();
        }
    }

    void post(Customer customer, String question) throws Exception {
        Conversation c = customer.conversation;
        String text = question + " (ref " + unique.incrementAndGet() + ")";
        customer.sent = System.nanoTime();
        outstanding.incrementAndGet();
        HttpResponse<String> r;
        try {
            r = send(json("/api/v1/widget/conversations/" + c.id() + "/messages",
                    "{\"text\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}", c.token()));
        } finally {
            outstanding.decrementAndGet();
        }
        customer.answered = System.nanoTime();
        customer.httpStatus = r.statusCode();
        Matcher status = STATUS.matcher(r.body());
        customer.status = status.find() ? status.group(1) : "?";
        Matcher reply = REPLY_TEXT.matcher(r.body());
        customer.reply = reply.find() ? reply.group(1) : null;
    }

    /** Other customers meanwhile: four at a time, each request timed, until the slow answers are all in. */
    void otherTraffic(AtomicBoolean waiting, List<Conversation> others, Map<String, List<Long>> times,
            AtomicInteger errors) {
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < 4; w++) {
                int worker = w;
                clients.submit(() -> {
                    int n = 0;
                    while (waiting.get()) {
                        Conversation c = others.get((worker * 5 + n) % others.size());
                        String kind = switch (n++ % 4) {
                            case 0 -> "start conversation";
                            case 1 -> "transcript";
                            case 2 -> "widget config";
                            default -> "health";
                        };
                        HttpRequest request = switch (kind) {
                            case "start conversation" -> json("/api/v1/widget/conversations", "{\"name\":\"Other\"}", null);
                            case "transcript" -> HttpRequest.newBuilder(URI.create(base + "/api/v1/widget/conversations/"
                                    + c.id() + "/messages")).header("Authorization", "Bearer " + c.token()).build();
                            case "widget config" -> HttpRequest.newBuilder(URI.create(base + "/api/v1/widget/config")).build();
                            default -> HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build();
                        };
                        long start = System.nanoTime();
                        HttpResponse<String> r = probes.send(request, HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - start;
                        if (r.statusCode() / 100 != 2) {
                            errors.incrementAndGet();
                            System.err.println(kind + ": HTTP " + r.statusCode());
                        }
                        times.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(took);
                        Thread.sleep(20);
                    }
                    return null;
                });
            }
        }
    }

    private javax.management.MBeanServerConnection jmx;

    /**
     * The node's pool and thread gauges come over JMX (attach API): {@code /actuator/prometheus} evaluates gauges that
     * query the database, so a scrape waits for a pooled connection exactly when the pool is busiest.
     */
    void connectJmx(String pid) throws Exception {
        var vm = com.sun.tools.attach.VirtualMachine.attach(pid);
        String address = vm.startLocalManagementAgent();
        jmx = javax.management.remote.JMXConnectorFactory.connect(new javax.management.remote.JMXServiceURL(address))
                .getMBeanServerConnection();
    }

    /** The node's gauges every 250 ms while the answers are awaited: each one's peak, and one line a second. */
    void sample(AtomicBoolean waiting, Map<String, Double> peaks) {
        long lastLine = 0;
        try {
            var pools = jmx.queryNames(new javax.management.ObjectName("com.zaxxer.hikari:type=Pool (*"), null);
            var threading = new javax.management.ObjectName("java.lang:type=Threading");
            while (waiting.get()) {
                Map<String, Double> now = new java.util.HashMap<>();
                for (var pool : pools) {
                    now.merge("hikari active", ((Number) jmx.getAttribute(pool, "ActiveConnections")).doubleValue(),
                            Double::sum);
                    now.merge("hikari pending", ((Number) jmx.getAttribute(pool, "ThreadsAwaitingConnection"))
                            .doubleValue(), Double::sum);
                }
                now.put("live platform threads", ((Number) jmx.getAttribute(threading, "ThreadCount")).doubleValue());
                now.forEach((name, value) -> peaks.merge(name, value, Math::max));
                long elapsed = postStart == 0 ? -1 : (System.nanoTime() - postStart) / 1_000_000;
                if (elapsed >= 0 && elapsed - lastLine >= 1000) {
                    lastLine = elapsed;
                    timeline.add(String.format(Locale.ROOT, "  t=%5.1f s  questions awaiting their answer %3d  "
                            + "hikari active %2.0f pending %3.0f  live platform threads %3.0f", elapsed / 1000.0,
                            outstanding.get(), now.get("hikari active"), now.get("hikari pending"),
                            now.get("live platform threads")));
                }
                Thread.sleep(250);
            }
        } catch (Exception e) {
            System.err.println("sampling stopped: " + e);
        }
    }

    void report(String phase, List<Customer> customers, double allAnswered, Map<String, List<Long>> other,
            int otherErrors, Map<String, Double> peaks) {
        long errors = customers.stream().filter(c -> c.httpStatus / 100 != 2).count();
        long fiveXx = customers.stream().filter(c -> c.httpStatus / 100 == 5).count();
        Map<String, Integer> endings = new TreeMap<>();
        customers.forEach(c -> endings.merge(c.status + ", " + ending(c.status, c.reply), 1, Integer::sum));
        System.out.printf(Locale.ROOT, "%s: %d questions posted at once, all answered after %.1f s; HTTP errors %d "
                + "(5xx %d)%n", phase, customers.size(), allAnswered, errors, fiveXx);
        endings.forEach((ending, n) -> System.out.printf("  %4d x %s%n", n, ending));
        line("  post -> own message on its stream", customers, c -> c.echo);
        line("  post -> assistant typing on its stream", customers, c -> c.typing);
        line("  post -> first streamed token", customers, c -> c.firstToken);
        line("  post -> reply on its stream", customers, c -> c.replyOnStream);
        line("  post -> HTTP response (reply)", customers, c -> c.answered);
        other.forEach((kind, list) -> {
            long[] sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "  other traffic meanwhile, %-18s n=%d  p50 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                    kind, sorted.length, pct(sorted, 50), pct(sorted, 99), pct(sorted, 100));
        });
        System.out.printf("  other traffic errors: %d%n", otherErrors);
        new TreeMap<>(peaks).forEach((name, value) -> System.out.printf(Locale.ROOT, "  peak %s: %.0f%n", name, value));
        System.out.println("  timeline (t from the moment the questions were posted):");
        timeline.forEach(System.out::println);
    }

    /** What the customer was told: the model's answer (the stub's wording), a hand-off, or something else. */
    private static String ending(String status, String reply) {
        if (reply == null) {
            return "no reply";
        }
        if (reply.startsWith("Here is what our help article")) {
            return "the model's answer";
        }
        if (reply.startsWith("I can't answer automatically right now")) {
            return "hand-off: provider unavailable";
        }
        if (reply.startsWith("I'm not sure I can answer that correctly")) {
            return "hand-off: not sure";
        }
        if ("AI_RESOLVED".equals(status)) {
            return "the offline answer standing in";
        }
        return "other reply: " + reply.substring(0, Math.min(50, reply.length()));
    }

    private static void line(String label, List<Customer> customers, java.util.function.ToLongFunction<Customer> at) {
        long[] sorted = customers.stream().filter(c -> at.applyAsLong(c) != 0)
                .mapToLong(c -> at.applyAsLong(c) - c.sent).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-40s %3d of %d  p50 %.0f ms  p99 %.0f ms  max %.0f ms%n", label, sorted.length,
                customers.size(), pct(sorted, 50), pct(sorted, 99), pct(sorted, 100));
    }

    private HttpRequest json(String path, String body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(180))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not found: " + pattern + " in " + text);
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
