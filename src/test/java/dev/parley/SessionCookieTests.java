package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The session cookie as the servlet container sets it (MockMvc does not go through the container). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionCookieTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
    }

    @Test
    void theSessionLivesInTheSharedDatabaseNotInTheNode() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        String id = new String(Base64.getDecoder().decode(cookie.substring("JSESSIONID=".length(), cookie.indexOf(';'))),
                StandardCharsets.UTF_8);

        assertThat(jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE session_id = :id").param("id", id)
                .query(Integer.class).single()).as("the 30-minute timeout").isEqualTo(1800);
    }

    @Test
    void theHelpCenterOpensNoSession() throws Exception {
        HttpResponse<String> help = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/help")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(help.statusCode()).isEqualTo(200);
        assertThat(help.headers().allValues("Set-Cookie")).noneSatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID="));
    }
}
