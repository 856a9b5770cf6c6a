package dev.parley.channel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Conversations;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example bridge of the API channel (docs/examples/api-channel-bridge.py, linked from the OpenAPI docs) works as
 * its reader would run it: it posts a customer's message, receives the agent's signed reply and passes it on, and
 * refuses a callback that Parley did not sign.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "parley.channels.callbacks.allow-private-addresses=true")
class ApiChannelBridgeExampleTests {

    static final Path BRIDGE = Path.of("docs/examples/api-channel-bridge.py");

    @LocalServerPort
    int port;
    @Autowired
    ApiInboxes inboxes;
    @Autowired
    Conversations conversations;
    @Autowired
    JsonMapper json;

    @Test
    void theExampleBridgePostsAMessageAndPassesOnTheSignedReply() throws Exception {
        int bridgePort;
        try (ServerSocket free = new ServerSocket(0)) {
            bridgePort = free.getLocalPort();
        }
        ApiInboxes.Created inbox = inboxes.create("Example bridge " + UUID.randomUUID(),
                "http://127.0.0.1:" + bridgePort + "/parley", null);
        Map<String, String> env = Map.of("PARLEY_URL", "http://localhost:" + port, "PARLEY_INBOX_ID",
                inbox.inbox().id().toString(), "PARLEY_API_KEY", inbox.apiKey(), "PARLEY_SIGNING_SECRET",
                inbox.signingSecret(), "PORT", String.valueOf(bridgePort));
        List<String> printed = new CopyOnWriteArrayList<>();
        Process receiver = start(env, List.of());
        try {
            Thread reader = Thread.ofVirtual().start(() -> readLines(receiver, printed));
            await().atMost(Duration.ofSeconds(20)).until(() -> printed.contains("listening"));

            Process sender = start(env, List.of("send", "tg-77", "Kim", "Where is my parcel?", "tg-msg-1"));
            String accepted = new String(sender.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(sender.waitFor()).as(accepted).isZero();
            UUID conversationId = UUID.fromString(json.readTree(accepted).get("conversationId").asString());
            String reply = "It left our warehouse today " + UUID.randomUUID();
            conversations.postReply(conversationId, AuthorType.AGENT, null, "Grace", reply, false);

            await().atMost(Duration.ofSeconds(60)).until(() -> printed.stream().anyMatch(line -> line.contains(reply)));
            JsonNode passedOn = json.readTree(printed.stream().filter(line -> line.contains(reply)).findFirst().orElseThrow());
            assertThat(passedOn.get("to").asString()).isEqualTo("tg-77");

            HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + bridgePort + "/parley"))
                    .header("X-Parley-Signature", "t=" + System.currentTimeMillis() / 1000 + ",v1=00")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"message.created\",\"contactId\":\"tg-77\","
                            + "\"message\":{\"text\":\"forged\"}}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(printed).noneMatch(line -> line.contains("forged"));
            reader.interrupt();
        } finally {
            receiver.destroyForcibly();
        }
    }

    private static Process start(Map<String, String> env, List<String> args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("python3", BRIDGE.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void readLines(Process process, List<String> into) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                into.add(line.strip());
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
