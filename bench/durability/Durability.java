import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client side of bench/durability.sh (run with {@code java Durability.java}, JDK 21+, no dependencies).
 * <ul>
 *   <li>{@code load BASE CLIENTS ACKS}: each client starts a widget conversation and posts messages until the server
 *   goes away; every message answered 201 is appended to ACKS ({@code conversation token message-id [reply-id]}),
 *   flushed before the next request, so the list is exactly what the server acknowledged.</li>
 *   <li>{@code check BASE ACKS}: reads every listed conversation's transcript back through the widget API and prints
 *   {@code acknowledged N missing M}; exit code 1 when something is missing.</li>
 * </ul>
 */
public class Durability {

    private static final Pattern ID = Pattern.compile("\"conversationId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern MESSAGE_ID = Pattern.compile("\"(message|reply)\"\\s*:\\s*\\{\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ANY_ID = Pattern.compile("\\{\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CURSOR = Pattern.compile("\"cursor\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Durability(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        Durability bench = new Durability(args[1]);
        switch (args[0]) {
            case "load" -> bench.load(Integer.parseInt(args[2]), Path.of(args[3]));
            case "check" -> System.exit(bench.check(Path.of(args[2])) == 0 ? 0 : 1);
            default -> throw new IllegalArgumentException("load or check");
        }
    }

    void load(int clients, Path acks) throws Exception {
        AtomicLong sent = new AtomicLong();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(acks, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND));
             ExecutorService customers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients; i++) {
                int client = i;
                customers.submit(() -> {
                    try {
                        HttpResponse<String> started = start(client);
                        if (started == null) {
                            return null;
                        }
                        String id = find(ID, started.body());
                        String token = find(TOKEN, started.body());
                        while (true) {
                            long n = sent.incrementAndGet();
                            HttpResponse<String> r = post("/api/v1/widget/conversations/" + id + "/messages",
                                    "{\"text\":\"How do I reset my password? (durability " + n
                                            + ")\",\"clientMessageId\":\"d" + n + "\"}", token);
                            if (r.statusCode() == 201) {
                                List<String> ids = new ArrayList<>();
                                Matcher m = MESSAGE_ID.matcher(r.body());
                                while (m.find()) {
                                    ids.add(m.group(2));
                                }
                                synchronized (out) {
                                    out.println(id + " " + token + " " + String.join(" ", ids));
                                    out.flush();
                                }
                            } else if (r.statusCode() >= 500) {
                                System.err.println("HTTP " + r.statusCode());
                            }
                        }
                    } catch (IOException e) {
                        return null; // the server is gone
                    }
                });
            }
        }
    }

    /** Starts a conversation, waiting up to two minutes for a server that is still starting. */
    private HttpResponse<String> start(int client) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = post("/api/v1/widget/conversations",
                        "{\"name\":\"Durability " + client + "\"}", null);
                if (r.statusCode() == 201) {
                    return r;
                }
            } catch (IOException e) {
                // not listening yet, or stopped before this client began
            }
            Thread.sleep(200);
        }
        return null;
    }

    int check(Path acks) throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(acks)) {
            String[] parts = line.trim().split(" ");
            if (parts.length < 3) {
                continue;
            }
            tokens.put(parts[0], parts[1]);
            for (int i = 2; i < parts.length; i++) {
                expected.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[i]);
            }
        }
        int acknowledged = 0;
        int missing = 0;
        for (var conversation : expected.entrySet()) {
            Set<String> stored = transcript(conversation.getKey(), tokens.get(conversation.getKey()));
            for (String messageId : conversation.getValue()) {
                acknowledged++;
                if (!stored.contains(messageId)) {
                    missing++;
                }
            }
        }
        System.out.println("acknowledged " + acknowledged + " missing " + missing);
        return missing;
    }

    private Set<String> transcript(String conversation, String token) throws Exception {
        Set<String> ids = new HashSet<>();
        long cursor = 0;
        while (true) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/widget/conversations/"
                    + conversation + "/messages?after=" + cursor)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("transcript " + conversation + ": HTTP " + r.statusCode());
            }
            int before = ids.size();
            Matcher m = ANY_ID.matcher(r.body());
            while (m.find()) {
                ids.add(m.group(1));
            }
            long next = Long.parseLong(find(CURSOR, r.body()));
            if (ids.size() == before || next == cursor) {
                return ids;
            }
            cursor = next;
        }
    }

    private HttpResponse<String> post(String path, String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String find(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + body);
        }
        return m.group(1);
    }
}
