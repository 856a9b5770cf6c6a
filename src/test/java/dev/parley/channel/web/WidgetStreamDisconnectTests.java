package dev.parley.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.realtime.EventStreams;
import dev.parley.realtime.RealtimeEvent;
import dev.parley.realtime.internal.LocalDispatcher;
import java.net.Socket;
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

    @Test
    void aStreamItsClientClosesIsReleasedWithoutAWriteWhileAnOpenOneStays() throws Exception {
        RawWidgetStreams widgets = new RawWidgetStreams(port, json);
        JsonNode started = widgets.start();
        String topic = RealtimeEvent.conversationTopic(UUID.fromString(started.get("conversationId").asString()));
        long before = streams.openStreams("conversation:");
        int watchedBefore = streams.watchedStreams();
        JsonNode staying = widgets.start();
        String stayingTopic = RealtimeEvent.conversationTopic(UUID.fromString(
                staying.get("conversationId").asString()));

        try (Socket stays = widgets.open(staying); Socket socket = widgets.open(started)) {
            assertThat(streams.openStreams("conversation:")).isEqualTo(before + 2);
            // told by their sockets (ClientCloseWatch), not left to the periodic checks
            assertThat(streams.watchedStreams()).as("streams whose connection is watched").isEqualTo(watchedBefore + 2);
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
}
