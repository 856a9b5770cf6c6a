package dev.parley.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A widget's conversation and its live stream on a plain socket, so that closing it is the client's own close. */
public final class RawWidgetStreams {

    private final int port;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    public RawWidgetStreams(int port, JsonMapper json) {
        this.port = port;
        this.json = json;
    }

    /** Starts a conversation as the widget does: its id and the visitor's token. */
    public JsonNode start() throws Exception {
        return start(null);
    }

    /** Starts a conversation with the customer's first message, as the widget does when one is typed. */
    public JsonNode start(String message) throws Exception {
        String body = message == null ? "{}" : json.writeValueAsString(java.util.Map.of("message", message));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/widget/conversations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return json.readTree(response.body());
    }

    /** Opens the conversation's stream and reads up to its first line. */
    public Socket open(JsonNode started) throws Exception {
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
}
