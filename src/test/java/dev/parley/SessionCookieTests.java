package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The session cookie as the servlet container sets it (MockMvc does not go through the container). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionCookieTests {

    @LocalServerPort
    int port;

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
    }
}
