package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.channel.web.RawWidgetStreams;
import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import dev.parley.identity.ApiTokens;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * No thread holds one database connection while it waits for another (issue 16, item 2). A thread that does, with
 * as many threads doing it as the pool has connections, waits on the others until the pool times out: under load
 * every request stalls for 30 seconds and then fails. The node's data source here notes every thread that asks for
 * a connection while it holds one; a customer's conversation, its escalation, an agent's replies through the API
 * (each request reads its agent in a filter) and every listener behind them must not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OneConnectionAtATimeTests {

    /** Stacks of the threads that asked for a second connection while holding one. */
    static final List<String> NESTED = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/test-one-connection-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:one-connection-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @TestConfiguration
    static class Watched {
        @Bean
        static BeanPostProcessor connectionsPerThread() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource && !(bean instanceof HeldConnections)
                            ? new HeldConnections(dataSource) : bean;
                }
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    Agents agents;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aConversationItsEscalationAndAnAgentsRepliesNeverHoldOneConnectionWhileAskingForAnother() throws Exception {
        Agent agent = TestAgents.create(agents, Role.AGENT);
        String token = tokens.create(agent.id(), "one connection at a time");
        RawWidgetStreams widgets = new RawWidgetStreams(port, json);
        NESTED.clear();

        JsonNode started = widgets.start("How do I reset my password?");
        try (Socket stream = widgets.open(started)) {
            String conversation = started.get("conversationId").asString();
            HttpResponse<String> human = send(HttpRequest.newBuilder(uri("/api/v1/widget/conversations/"
                            + conversation + "/messages"))
                    .header("Authorization", "Bearer " + started.get("token").asString())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"I want to talk to a person\"}")));
            assertThat(human.statusCode()).as(human.body()).isEqualTo(201);
            for (String text : List.of("Hello, I am here to help", "Your password is reset")) {
                HttpResponse<String> reply = send(HttpRequest.newBuilder(uri("/api/v1/conversations/" + conversation
                                + "/messages"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}")));
                assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
            }
            HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/api/v1/conversations/" + conversation))
                    .header("Authorization", "Bearer " + token));
            assertThat(read.statusCode()).isEqualTo(200);
            // and the listeners behind the messages (analytics, SLA, notifications, deliveries, search) have run
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication"
                    + " WHERE completion_date IS NULL").query(Long.class).single() == 0);
        }
        assertThat(NESTED).as("threads that held a connection while asking for another").isEmpty();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A data source that counts each thread's open connections and notes a second one asked for. */
    static final class HeldConnections extends DelegatingDataSource {

        private static final ThreadLocal<int[]> HELD = ThreadLocal.withInitial(() -> new int[1]);

        HeldConnections(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return held(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return held(super.getConnection(username, password));
        }

        private static Connection held(Connection connection) {
            int[] held = HELD.get();
            if (held[0] > 0) {
                StringBuilder stack = new StringBuilder(Thread.currentThread().getName());
                for (StackTraceElement frame : new Throwable().getStackTrace()) {
                    stack.append("\n    at ").append(frame);
                }
                NESTED.add(stack.toString());
            }
            held[0]++;
            boolean[] closed = new boolean[1];
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close") && !closed[0]) {
                            closed[0] = true;
                            held[0]--;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
