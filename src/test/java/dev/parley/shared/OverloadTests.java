package dev.parley.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A node whose database connections are all taken (saturated, or the database away) tells clients to come back:
 * 503 with Retry-After, a problem for the API and a page for browsers, whether the connection was wanted by a
 * controller or by a filter before it (API token, session). Before, these were 500s after a 30-second stall.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.connection-timeout=1000"})
class OverloadTests {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/test-overload-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:overload-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withEveryDatabaseConnectionTakenRequestsAreAskedToComeBackNotFailed() throws Exception {
        List<Connection> taken = takeEveryConnection();
        try {
            // a controller wants a connection
            HttpResponse<String> start = send(HttpRequest.newBuilder(uri("/api/v1/widget/conversations"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertBusy(start, "application/problem+json");
            assertThat(start.body()).contains("\"title\":\"Busy\"").contains("\"status\":503")
                    .contains("\"type\":\"urn:parley:problem:busy\"");

            // a filter wants one before any controller runs (an API token is looked up)
            HttpResponse<String> api = send(HttpRequest.newBuilder(uri("/api/v1/conversations"))
                    .header("Authorization", "Bearer pat_not-a-real-token").GET());
            assertBusy(api, "application/problem+json");
            // the same problem as a controller's, though the error page renders it
            assertThat(api.body()).contains("\"title\":\"Busy\"").contains("\"type\":\"urn:parley:problem:busy\"")
                    .contains("\"retryAfterSeconds\":5");

            // a page
            HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/help")).header("Accept", "text/html").GET());
            assertBusy(page, "text/html");
            assertThat(page.body()).contains("too busy");
        } finally {
            for (Connection c : taken) {
                c.close();
            }
        }
        HttpResponse<String> after = send(HttpRequest.newBuilder(uri("/api/v1/widget/conversations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(after.statusCode()).as("served again once connections are free").isEqualTo(201);
    }

    private static void assertBusy(HttpResponse<String> response, String contentType) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(contentType));
    }

    /** Both of the pool's connections, once background work at start-up has let go of them. */
    private List<Connection> takeEveryConnection() throws InterruptedException {
        List<Connection> taken = new ArrayList<>();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (taken.size() < 2 && System.nanoTime() < deadline) {
            try {
                taken.add(dataSource.getConnection());
            } catch (SQLException busy) {
                Thread.sleep(100);
            }
        }
        assertThat(taken).hasSize(2);
        return taken;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
