package dev.parley.channel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Posting to a receiver that answers far more than Parley reads. */
class CallbackPosterTests {

    @Test
    void keepsASnippetOfAnEndlessAnswerAndHangsUpInsteadOfReadingItAll() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicLong sent = new AtomicLong();
        server.createContext("/hook", e -> {
            e.getRequestBody().readAllBytes();
            e.sendResponseHeaders(200, 0);
            byte[] chunk = "ok ".repeat(2730).getBytes(StandardCharsets.US_ASCII);
            try (var body = e.getResponseBody()) {
                while (sent.get() < 500_000_000) {
                    body.write(chunk);
                    sent.addAndGet(chunk.length);
                }
            } catch (IOException gone) {
                // the poster hung up
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        CallbackPoster poster = new CallbackPoster(new CallbackSettings(true, Duration.ofSeconds(5)));
        try {
            CallbackPoster.Answer answer = poster.post(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/hook"), "{}".getBytes(StandardCharsets.UTF_8), Map.of());

            assertThat(answer.ok()).isTrue();
            assertThat(answer.snippet()).hasSize(2048).startsWith("ok ok");
            assertThat(sent.get()).as("the rest of the answer is not read").isLessThan(50_000_000);
        } finally {
            poster.destroy();
            server.stop(0);
        }
    }
}
