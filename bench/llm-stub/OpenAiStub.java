import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for an OpenAI-compatible chat-completions server, for benchmarks: answers after a fixed delay, on a
 * virtual thread per request so hundreds of slow calls never queue here. JDK only; run as a single-file program.
 *
 * <pre>java bench/llm-stub/OpenAiStub.java [--port N] [--delay-ms MS] [--questions FILE]...</pre>
 *
 * Prints one line, {@code listening on http://127.0.0.1:PORT/v1}, then serves until killed:
 * {@code POST /v1/chat/completions} (JSON, or server-sent chunks ending with {@code data: [DONE]} when
 * {@code "stream": true}, both with token usage) and {@code GET /v1/models}. The delay is the time before the
 * answer's first byte. Content: when question files were given and the last user message starts with
 * {@code # <title>}, the questions of the JSONL record with that title (several with one title: the one whose
 * {@code bodyStart} occurs in the message), one per line, or 404 when none matches. Otherwise Parley's grounded
 * answer format, {@code {"answerable", "usedSources", "answer"}}, citing the first article of the prompt.
 */
public class OpenAiStub {

    static final String MODEL = "stub-model";
    private static final Pattern ARTICLE = Pattern.compile(
            "<article id=\"([^\"]*)\" title=\"([^\"]*)\">\\n(.*?)\\n</article>", Pattern.DOTALL);

    record Fixture(String title, String bodyStart, List<String> questions) {
    }

    private final long delayMillis;
    private final List<Fixture> fixtures;
    private final boolean fixturesGiven;

    OpenAiStub(long delayMillis, List<Fixture> fixtures, boolean fixturesGiven) {
        this.delayMillis = delayMillis;
        this.fixtures = fixtures;
        this.fixturesGiven = fixturesGiven;
    }

    public static void main(String[] args) throws IOException {
        int port = 0;
        long delay = 0;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(required(args[i], value));
                case "--delay-ms" -> delay = Long.parseLong(required(args[i], value));
                case "--questions" -> files.add(Path.of(required(args[i], value)));
                default -> {
                    System.err.println("usage: OpenAiStub [--port N] [--delay-ms MS] [--questions FILE]...");
                    System.exit(2);
                }
            }
            i++;
        }
        List<Fixture> fixtures = new ArrayList<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    fixtures.add(fixture(Json.parse(line)));
                }
            }
        }
        OpenAiStub stub = new OpenAiStub(delay, fixtures, !files.isEmpty());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", stub::completions);
        server.createContext("/v1/models", stub::models);
        server.start();
        System.out.println("listening on http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
        System.out.flush();
    }

    private static String required(String option, String value) {
        if (value == null) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Fixture fixture(Object json) {
        Map<String, Object> record = (Map<String, Object>) json;
        Object bodyStart = record.get("bodyStart");
        List<String> questions = ((List<Object>) record.getOrDefault("questions", List.of())).stream()
                .map(String::valueOf).toList();
        return new Fixture(String.valueOf(record.get("title")).strip(), bodyStart == null ? "" : bodyStart.toString(),
                questions);
    }

    private void models(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                error(exchange, 405, "use GET");
                return;
            }
            send(exchange, 200, "application/json", "{\"object\":\"list\",\"data\":[{\"id\":\"" + MODEL
                    + "\",\"object\":\"model\",\"created\":1700000000,\"owned_by\":\"parley-bench\"}]}");
        }
    }

    @SuppressWarnings("unchecked")
    private void completions(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                error(exchange, 405, "use POST");
                return;
            }
            Map<String, Object> request;
            try {
                request = (Map<String, Object>) Json.parse(new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                error(exchange, 400, "the body is not JSON: " + e.getMessage());
                return;
            }
            List<Object> messages = (List<Object>) request.getOrDefault("messages", List.of());
            String prompt = "";
            int promptChars = 0;
            for (Object m : messages) {
                Map<String, Object> message = (Map<String, Object>) m;
                String content = message.get("content") instanceof String text ? text : "";
                promptChars += content.length();
                if ("user".equals(message.get("role"))) {
                    prompt = content;
                }
            }
            String answer = answer(prompt);
            sleep(delayMillis);
            if (answer == null) {
                error(exchange, 404, "no fixture for " + prompt.lines().findFirst().orElse(""));
                return;
            }
            String model = request.get("model") instanceof String name ? name : MODEL;
            String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
            long created = System.currentTimeMillis() / 1000;
            String usage = usage(Math.max(1, promptChars / 4), Math.max(1, answer.length() / 4));
            if (Boolean.TRUE.equals(request.get("stream"))) {
                stream(exchange, id, created, model, answer, usage);
            } else {
                send(exchange, 200, "application/json", "{\"id\":\"" + id + "\",\"object\":\"chat.completion\","
                        + "\"created\":" + created + ",\"model\":" + Json.quote(model) + ",\"choices\":[{\"index\":0,"
                        + "\"message\":{\"role\":\"assistant\",\"content\":" + Json.quote(answer) + ",\"refusal\":null},"
                        + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":" + usage
                        + ",\"system_fingerprint\":\"fp_stub\"}");
            }
        } catch (IOException e) {
            // the client gave up (a timeout on its side): nothing to answer
        }
    }

    /** The questions of the matching fixture, the grounded answer, or null when fixtures were given and none fits. */
    String answer(String prompt) {
        String firstLine = prompt.lines().findFirst().orElse("");
        if (fixturesGiven && firstLine.startsWith("# ")) {
            String title = firstLine.substring(2).strip();
            List<Fixture> titled = fixtures.stream().filter(f -> f.title().equals(title)).toList();
            Fixture chosen = titled.size() == 1 ? titled.getFirst()
                    : titled.stream().filter(f -> !f.bodyStart().isEmpty() && prompt.contains(f.bodyStart()))
                            .findFirst().orElse(null);
            return chosen == null ? null : String.join("\n", chosen.questions());
        }
        return grounded(prompt);
    }

    /** Parley's strict decision: answered from the first article in the prompt, its first sentence quoted. */
    static String grounded(String prompt) {
        Matcher article = ARTICLE.matcher(prompt);
        if (!article.find()) {
            return "{\"answerable\": false, \"usedSources\": [], \"answer\": \"\"}";
        }
        String body = article.group(3).replaceAll("(?m)^#.*$", "").replaceAll("\\s+", " ").strip();
        int end = body.indexOf(". ");
        String sentence = end > 0 && end < 400 ? body.substring(0, end + 1) : body.substring(0, Math.min(300, body.length()));
        String answer = "Here is what our help article \"" + article.group(2) + "\" says: " + sentence
                + " Let me know if anything is unclear.";
        return "{\"answerable\": true, \"usedSources\": [" + Json.quote(article.group(1)) + "], \"answer\": "
                + Json.quote(answer) + "}";
    }

    private static void stream(HttpExchange exchange, String id, long created, String model, String answer,
            String usage) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        String head = "{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":" + created
                + ",\"model\":" + Json.quote(model) + ",\"system_fingerprint\":\"fp_stub\",";
        OutputStream out = exchange.getResponseBody();
        chunk(out, head + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\","
                + "\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}]}");
        for (int i = 0; i < answer.length(); i += 24) {
            chunk(out, head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":"
                    + Json.quote(answer.substring(i, Math.min(answer.length(), i + 24)))
                    + "},\"logprobs\":null,\"finish_reason\":null}]}");
        }
        chunk(out, head + "\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]}");
        chunk(out, head + "\"choices\":[],\"usage\":" + usage + "}");
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void chunk(OutputStream out, String json) throws IOException {
        out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String usage(int prompt, int completion) {
        return "{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion + ",\"total_tokens\":"
                + (prompt + completion) + "}";
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, "application/json", "{\"error\":{\"message\":" + Json.quote(message)
                + ",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Just enough JSON: objects (as ordered maps), arrays, strings, numbers, booleans and null. */
    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.at != text.length()) {
                throw new IllegalArgumentException("trailing text at " + json.at);
            }
            return value;
        }

        static String quote(String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            return out.append('"').toString();
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            space();
            if (peek('}')) {
                return map;
            }
            do {
                space();
                String key = string();
                space();
                expect(':');
                map.put(key, value());
                space();
            } while (take(','));
            expect('}');
            return map;
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            space();
            if (peek(']')) {
                return list;
            }
            do {
                list.add(value());
                space();
            } while (take(','));
            expect(']');
            return list;
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw new IllegalArgumentException("unterminated string");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(e);
                }
            }
        }

        private Object number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("unexpected '" + text.charAt(at) + "' at " + at);
            }
            return Double.parseDouble(text.substring(start, at));
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw new IllegalArgumentException("unexpected text at " + at);
            }
            at += word.length();
            return value;
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private boolean peek(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private boolean take(char c) {
            return peek(c);
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at " + at);
            }
        }
    }
}
