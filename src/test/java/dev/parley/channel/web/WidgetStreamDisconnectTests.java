package dev.parley.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.realtime.EventStreams;
import dev.parley.realtime.RealtimeEvent;
import dev.parley.realtime.internal.LocalDispatcher;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A widget that closes its connection is counted out of the connection gauge and its subscription is removed within
 * about a second, with nothing written to it in between (the heartbeat is 20 s apart, and the first write after a
 * close is still accepted by the socket).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WidgetStreamDisconnectTests {

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    EventStreams streams;
    @Autowired
    LocalDispatcher subscribers;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aStreamItsClientClosesIsReleasedWithoutAWriteWhileAnOpenOneStays() throws Exception {
        JsonNode started = start();
        String topic = RealtimeEvent.conversationTopic(UUID.fromString(started.get("conversationId").asString()));
        long before = streams.openStreams("conversation:");
        JsonNode staying = start();
        String stayingTopic = RealtimeEvent.conversationTopic(UUID.fromString(
                staying.get("conversationId").asString()));

        try (Socket stays = open(staying); Socket socket = open(started)) {
            assertThat(streams.openStreams("conversation:")).isEqualTo(before + 2);
            assertThat(subscribers.subscriberCount(topic)).isEqualTo(1);
            socket.close(); // the customer closed the chat window

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(streams.openStreams("conversation:")).as("the connection gauge").isEqualTo(before + 1);
                assertThat(subscribers.subscriberCount(topic)).as("subscriptions left on the topic").isZero();
            });
            await().during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(4)).untilAsserted(() -> {
                assertThat(streams.openStreams("conversation:")).as("the client still connected").isEqualTo(before + 1);
                assertThat(subscribers.subscriberCount(stayingTopic)).isEqualTo(1);
            });
        }
    }

    /** Opens the stream with a plain socket and reads up to its first line, so the close is the client's own. */
    private Socket open(JsonNode started) throws Exception {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/v1/widget/conversations/" + started.get("conversationId").asString()
                + "/events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: text/event-stream\r\n"
                + "Authorization: Bearer " + started.get("token").asString() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8));
        assertThat(in.readLine()).startsWith("HTTP/1.1 200");
        String line;
        do {
            line = in.readLine();
        } while (line != null && !line.startsWith(":connected"));
        assertThat(line).as("the stream's first line").isNotNull();
        return socket;
    }

    private JsonNode start() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/widget/conversations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return json.readTree(response.body());
    }
}
