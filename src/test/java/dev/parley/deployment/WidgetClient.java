package dev.parley.deployment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A customer's side of the widget API ({@code /api/v1/widget/**}), on a connection pool of its own (so customers
 * spread over the proxy's backends as separate browsers would).
 */
final class WidgetClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    String conversationId;
    String token;

    WidgetClient(String base) {
        this.base = base;
    }

    /** Starts a conversation with a first message; returns the response ({@code messages}, {@code status}). */
    JsonNode start(String name, String message) throws IOException, InterruptedException {
        JsonNode started = send("POST", "/api/v1/widget/conversations", JSON.writeValueAsString(
                java.util.Map.of("name", name, "message", message)), 201);
        conversationId = started.get("conversationId").asString();
        token = started.get("token").asString();
        return started;
    }

    /** Posts a message; the raw response (201 stored, 200 a replay of the same clientMessageId). */
    HttpResponse<String> post(String text, String clientMessageId) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(java.util.Map.of("text", text, "clientMessageId", clientMessageId));
        return http.send(request("/api/v1/widget/conversations/" + conversationId + "/messages")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The ids of every message the customer can see, read page by page with the transcript's cursor. */
    Set<String> transcriptIds() throws IOException, InterruptedException {
        Set<String> ids = new HashSet<>();
        long cursor = 0;
        while (true) {
            JsonNode page = send("GET", "/api/v1/widget/conversations/" + conversationId + "/messages?after=" + cursor,
                    null, 200);
            page.get("messages").forEach(m -> ids.add(m.get("id").asString()));
            long next = page.get("cursor").asLong();
            if (page.get("messages").isEmpty() || next == cursor) {
                return ids;
            }
            cursor = next;
        }
    }

    /** Opens the live event stream after {@code cursor}; each line is handed to {@code lines}. */
    void stream(long cursor, java.util.function.Consumer<String> lines) {
        http.sendAsync(request("/api/v1/widget/conversations/" + conversationId + "/events?after=" + cursor)
                        .timeout(Duration.ofMinutes(10)).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines));
    }

    private JsonNode send(String method, String path, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException(method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }
}
