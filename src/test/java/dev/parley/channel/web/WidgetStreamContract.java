package dev.parley.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.EscalationReason;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The widget's live stream over real HTTP: live delivery, catch-up after a reconnect (messages and the current status),
 * no internal notes.
 */
abstract class WidgetStreamContract {

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    Conversations conversations;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Stream<String>> open = new ArrayList<>();

    /** Closing a line stream waits for the server to notice, so it is done off the test thread. */
    @AfterEach
    void closeStreams() {
        open.forEach(stream -> Thread.ofVirtual().start(stream::close));
    }

    @Test
    void agentRepliesArriveLiveAndInternalNotesNever() throws Exception {
        JsonNode started = start("{\"message\":\"Is anyone there?\"}");
        var id = java.util.UUID.fromString(started.get("conversationId").asString());
        BlockingQueue<String> events = stream(started, started.get("cursor").asLong());
        Thread.sleep(300);

        conversations.postReply(id, AuthorType.AGENT, null, "Grace", "internal: check the refund", true);
        conversations.postReply(id, AuthorType.AGENT, null, "Grace", "Hi! I'm Grace and I'll help you.", false);

        String data = nextData(events, "message");
        assertThat(data).contains("Hi! I'm Grace and I'll help you.").doesNotContain("internal: check the refund");
    }

    @Test
    void aReconnectingClientCatchesUpFromItsCursor() throws Exception {
        JsonNode started = start("{\"message\":\"first question\"}");
        long cursor = started.get("cursor").asLong();
        var id = java.util.UUID.fromString(started.get("conversationId").asString());
        conversations.postReply(id, AuthorType.AGENT, null, "Grace", "missed while offline", false);

        BlockingQueue<String> events = stream(started, cursor);
        String data = nextData(events, "message");
        assertThat(data).contains("missed while offline");
        assertThat(json.readTree(data).get("message").get("seq").asLong()).isGreaterThan(cursor);
    }

    @Test
    void aStatusChangedWhileNoStreamWasOpenArrivesWhenOneOpens() throws Exception {
        JsonNode started = start("{\"message\":\"I want to talk to a person\"}");
        var id = java.util.UUID.fromString(started.get("conversationId").asString());
        conversations.escalate(id, EscalationReason.HUMAN_REQUESTED, null);
        conversations.changeStatus(id, ConversationStatus.IN_PROGRESS);
        conversations.changeStatus(id, ConversationStatus.RESOLVED);

        BlockingQueue<String> events = stream(started, started.get("cursor").asLong());

        assertThat(json.readTree(nextData(events, "status")).get("status").asString()).isEqualTo("RESOLVED");
    }

    @Test
    void theStreamNeedsTheConversationsToken() throws Exception {
        JsonNode started = start("{}");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/widget/conversations/"
                        + started.get("conversationId").asString() + "/events"))
                .header("Authorization", "Bearer wrong").header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    JsonNode start(String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/widget/conversations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return json.readTree(response.body());
    }

    BlockingQueue<String> stream(JsonNode started, long after) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/widget/conversations/"
                        + started.get("conversationId").asString() + "/events?after=" + after))
                .header("Authorization", "Bearer " + started.get("token").asString())
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30)).build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        open.add(response.body());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        return lines;
    }

    /** The data of the next event of the given type, within five seconds. */
    static String nextData(BlockingQueue<String> lines, String type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String currentType = null;
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.startsWith("event:")) {
                currentType = line.substring(6).strip();
            } else if (line.startsWith("data:") && type.equals(currentType)) {
                return line.substring(5).strip();
            }
        }
        throw new AssertionError("no '" + type + "' event within 5 s");
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
