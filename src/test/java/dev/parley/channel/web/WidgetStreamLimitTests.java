package dev.parley.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.realtime.EventStreams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client may hold {@code parley.widget.streams-per-client} live streams open; one more is a 429 problem, and a
 * stream the client closed frees its slot (and leaves the connection gauge) without waiting for a heartbeat.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "parley.widget.streams-per-client=2")
class WidgetStreamLimitTests {

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    EventStreams streams;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Stream<String>> open = new ArrayList<>();

    @AfterEach
    void closeStreams() {
        open.forEach(stream -> Thread.ofVirtual().start(stream::close));
    }

    @Test
    void oneStreamMoreThanTheLimitIsRefusedUntilTheClientClosesOne() throws Exception {
        HttpResponse<Stream<String>> leaving = openStream(start());
        assertThat(leaving.statusCode()).isEqualTo(200);
        assertThat(openStream(start()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> streams.openStreams("conversation:") == 2);

        HttpResponse<Stream<String>> third = openStream(start());

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
        assertThat(String.join("", third.body().toList())).contains("live streams");

        leaving.body().close(); // the customer closed a chat window; no heartbeat has told the server yet
        HttpResponse<Stream<String>> again = openStream(start());

        assertThat(again.statusCode()).as("the closed stream's slot is free").isEqualTo(200);
        assertThat(streams.openStreams("conversation:")).as("the gauge counts the closed stream out").isEqualTo(2);
    }

    private JsonNode start() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/widget/conversations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private HttpResponse<Stream<String>> openStream(JsonNode started) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/widget/conversations/"
                        + started.get("conversationId").asString() + "/events"))
                .header("Authorization", "Bearer " + started.get("token").asString())
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30)).build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() == 200) {
            open.add(response.body());
        }
        return response;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
