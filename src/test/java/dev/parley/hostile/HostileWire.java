package dev.parley.hostile;

import dev.parley.hostile.Endpoint.Surface;
import dev.parley.hostile.Hostility.Shape;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts one hostile request for one endpoint on a real socket (so the server's own decoding is attacked too, not only
 * Spring's) and reads the answer. Credentials are the run's: an API token, a widget token, a browser session.
 */
final class HostileWire {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");
    private static final int MAX_READ = 256 * 1024;
    /** What the node reads of a body it refused before it answers and keeps the connection (UnreadBodyDrain). */
    private static final int UNREAD_BODY_DRAINED = 2 * 1024 * 1024;

    record Credentials(String apiToken, String widgetToken, String csrfToken, Map<String, String> realIds) {
    }

    record Answer(int status, String contentType, String body) {
    }

    private final String base;
    private final HttpClient anonymous;
    private final HttpClient browser;
    private final int port;
    private final CookieManager cookies;

    HostileWire(int port, HttpClient browser, CookieManager cookies) {
        this.base = "http://localhost:" + port;
        this.port = port;
        this.browser = browser;
        this.cookies = cookies;
        this.anonymous = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    Answer send(Endpoint endpoint, Hostility hostility, Credentials credentials) throws Exception {
        String target = path(endpoint, hostility, credentials) + query(endpoint, hostility);
        byte[] body = body(endpoint, hostility);
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        String contentType = contentType(endpoint, hostility);
        if (contentType != null && !contentType.isEmpty()) {
            headers.put("Content-Type", contentType);
        }
        Surface surface = endpoint.surface();
        if (surface == Surface.API_TOKEN) {
            headers.put("Authorization", "Bearer " + (hostility.realCredentials() ? credentials.apiToken()
                    : "pat_" + "0".repeat(40)));
        } else if (surface == Surface.WIDGET && hostility.realCredentials()) {
            headers.put("Authorization", "Bearer " + credentials.widgetToken());
        } else if (surface == Surface.WIDGET || surface == Surface.API_PUBLIC) {
            headers.put("Authorization", "Bearer not-a-token");
        }
        if (surface.api()) {
            // what an integration sends; the live stream and Meta's verification answer other types
            headers.put("Accept", "application/json, text/plain;q=0.5, text/event-stream;q=0.5");
        } else {
            headers.put("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            if (hostility.realCredentials()) {
                headers.put("X-CSRF-TOKEN", credentials.csrfToken());
            }
        }
        boolean asBrowser = surface == Surface.PAGE_SESSION || surface == Surface.PAGE_PUBLIC;
        URI uri;
        try {
            uri = URI.create(base + target);
        } catch (IllegalArgumentException notAUri) {
            // escapes java.net.http will not send: straight onto the socket, with the session's cookie
            if (asBrowser) {
                headers.put("Cookie", String.join("; ", cookies.getCookieStore().get(URI.create(base)).stream()
                        .map(Object::toString).toList()));
            }
            return RawHttp.send(port, endpoint.method(), target, headers, body);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(endpoint.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<InputStream> response = (asBrowser ? browser : anonymous)
                .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String type = response.headers().firstValue("Content-Type").orElse("");
        try (InputStream in = response.body()) {
            // a live stream that was opened stays open: its first bytes tell enough
            if (type.startsWith("text/event-stream")) {
                return new Answer(response.statusCode(), type, "");
            }
            return new Answer(response.statusCode(), type, new String(readCapped(in), StandardCharsets.UTF_8));
        }
    }

    String describe(Endpoint endpoint, Hostility hostility, Credentials credentials) {
        String path = path(endpoint, hostility, credentials) + query(endpoint, hostility);
        byte[] body = body(endpoint, hostility);
        return endpoint.method() + " " + (path.length() > 160 ? path.substring(0, 160) + "…(" + path.length() + ")" : path)
                + " [" + contentType(endpoint, hostility) + ", " + endpoint.surface() + ", body "
                + (body == null ? 0 : body.length) + " bytes]";
    }

    private static byte[] readCapped(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            if (out.size() < MAX_READ) {
                out.write(buffer, 0, Math.min(read, MAX_READ - out.size()));
            }
        }
        return out.toByteArray();
    }

    private static String path(Endpoint endpoint, Hostility hostility, Credentials credentials) {
        Matcher variables = VARIABLE.matcher(endpoint.pattern().replace("/**", "/{rest}"));
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String value = hostility.pathValue();
            if (value.startsWith("$")) {
                value = credentials.realIds().getOrDefault(value.substring(1), "missing");
                value = encode(value);
            } else if (!value.contains("%")) {
                value = encode(value);
            }
            variables.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        variables.appendTail(path);
        return path.toString();
    }

    private static String query(Endpoint endpoint, Hostility hostility) {
        List<String> pairs = new ArrayList<>(endpoint.fixedParams());
        boolean paramsInBody = shape(endpoint, hostility) == Shape.FORM_FIELDS && !endpoint.method().equals("GET");
        if (!paramsInBody) {
            pairs.addAll(pairs(endpoint.params(), hostility));
            if (endpoint.method().equals("GET")) {
                pairs.addAll(pairs(endpoint.fields(), hostility));
            }
        }
        if (hostility.params() == Hostility.Params.JUNK) {
            pairs.add("=&&=x&%zz=%&page=-1&size=1000000000&sort=%00&from=2026-13-45");
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static List<String> pairs(List<String> names, Hostility hostility) {
        List<String> pairs = new ArrayList<>();
        if (hostility.params() == Hostility.Params.MISSING) {
            return pairs;
        }
        for (int i = 0; i < names.size(); i++) {
            // query strings are kept short: a 100k value belongs in a body, not in a URL the server refuses at 8 KB
            pairs.add(encode(names.get(i)) + "=" + encode(shortened(hostility.scalar(i))));
            if (hostility.params() == Hostility.Params.DUPLICATED) {
                pairs.add(encode(names.get(i)) + "=" + encode(shortened(hostility.scalar(i + 1))));
            }
        }
        return pairs;
    }

    private static String shortened(String value) {
        return value.length() > 1000 ? value.substring(0, 1000) : value;
    }

    /**
     * Whether the server refuses the request before the application sees its address, so that whether it is an API
     * call cannot be told: a request line longer than the limit on a request's head (8 KB), or a path Jetty's URI
     * rules refuse (dot segments, a malformed or control-character escape, an escape that is not UTF-8, an escaped separator
     * or dot).
     */
    static boolean refusedByServer(String target) {
        return target.length() > 8000 || addressRefused(target);
    }

    private static boolean addressRefused(String target) {
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        if (path.contains("/../") || path.contains("/./") || path.endsWith("/..") || path.endsWith("/.")) {
            return true; // Tomcat resolved dot segments, Jetty refuses them; browsers resolve them before sending
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0
                    || Character.digit(path.charAt(i + 2), 16) < 0) {
                return true;
            }
            int b = Integer.parseInt(path.substring(i + 1, i + 3), 16);
            if (b < 0x20 || b == 0x7f || b == '/' || b == '\\' || b == '.' || b == ';' || b == '%') {
                return true;
            }
            bytes.write(b);
            i += 2;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
            return false;
        } catch (java.nio.charset.CharacterCodingException e) {
            return true;
        }
    }

    String target(Endpoint endpoint, Hostility hostility, Credentials credentials) {
        return path(endpoint, hostility, credentials) + query(endpoint, hostility);
    }

    /**
     * Whether the server may answer this request and end the connection while the client is still sending it: a head
     * over the server's limit, or a body larger than the node reads past a refusal (2 MB, {@code UnreadBodyDrain}).
     */
    boolean connectionMayEnd(Endpoint endpoint, Hostility hostility, Credentials credentials) {
        byte[] body = body(endpoint, hostility);
        return refusedByServer(target(endpoint, hostility, credentials))
                || body != null && body.length > UNREAD_BODY_DRAINED;
    }

    /**
     * The body shape sent: where the endpoint declares what it consumes and the hostility does not lie about the
     * Content-Type, fields are sent in that encoding, so the hostile values reach the handler and not only the
     * 415 in front of it.
     */
    private static Shape shape(Endpoint endpoint, Hostility hostility) {
        Shape shape = hostility.shape();
        if (hostility.contentType() != null || endpoint.consumes().isEmpty() || shape == Shape.RAW || shape == Shape.NONE) {
            return shape;
        }
        String consumed = endpoint.consumes().getFirst();
        if (consumed.startsWith("application/x-www-form-urlencoded")) {
            return Shape.FORM_FIELDS;
        }
        return consumed.startsWith("multipart/") ? Shape.MULTIPART_FIELDS : Shape.JSON_FIELDS;
    }

    private static byte[] body(Endpoint endpoint, Hostility hostility) {
        Shape shape = shape(endpoint, hostility);
        if (endpoint.method().equals("GET") || shape == Shape.NONE) {
            return null;
        }
        List<String> fields = endpoint.fields().isEmpty() ? List.of("message", "text", "id") : endpoint.fields();
        return switch (shape) {
            case RAW -> hostility.rawBody();
            case JSON_FIELDS -> {
                StringBuilder json = new StringBuilder("{");
                for (int i = 0; i < fields.size(); i++) {
                    json.append(i == 0 ? "" : ",").append(HostileValues.jsonString(fields.get(i))).append(':')
                            .append(hostility.jsonValue(i));
                }
                yield json.append('}').toString().getBytes(StandardCharsets.UTF_8);
            }
            case FORM_FIELDS -> {
                List<String> names = new ArrayList<>(fields);
                names.addAll(endpoint.params());
                List<String> pairs = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    pairs.add(encode(names.get(i)) + "=" + encode(hostility.scalar(i)));
                    if (hostility.params() == Hostility.Params.DUPLICATED) {
                        pairs.add(encode(names.get(i)) + "=" + encode(hostility.scalar(i + 1)));
                    }
                }
                yield String.join("&", pairs).getBytes(StandardCharsets.UTF_8);
            }
            case MULTIPART_FIELDS -> {
                StringBuilder parts = new StringBuilder();
                List<String> names = new ArrayList<>(endpoint.params());
                names.addAll(fields);
                for (int i = 0; i < names.size(); i++) {
                    parts.append("--hostile\r\nContent-Disposition: form-data; name=\"").append(names.get(i))
                            .append("\"; filename=\"").append(hostility.scalar(i).replace("\"", "").replace("\r", "")
                                    .replace("\n", "")).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                            .append(hostility.scalar(i + 1)).append("\r\n");
                }
                yield parts.append("--hostile--\r\n").toString().getBytes(StandardCharsets.UTF_8);
            }
            case NONE -> null;
        };
    }

    private static String contentType(Endpoint endpoint, Hostility hostility) {
        if (hostility.contentType() != null) {
            return hostility.contentType();
        }
        if (endpoint.method().equals("GET")) {
            return null;
        }
        return switch (shape(endpoint, hostility)) {
            case JSON_FIELDS, RAW -> "application/json";
            case FORM_FIELDS -> "application/x-www-form-urlencoded";
            case MULTIPART_FIELDS -> "multipart/form-data; boundary=hostile";
            case NONE -> null;
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
