package dev.parley.action.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.action.ActionSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which targets an action may call: the demo shop opens Parley's own demo API on localhost, and nothing else. */
class ActionHttpTargetTests {

    private static ActionHttp http(boolean demo, List<String> allowed) {
        ActionHttp http = new ActionHttp(new ActionSettings(allowed, Duration.ofSeconds(10), 1 << 20,
                Duration.ofSeconds(3)), demo);
        http.ownPort(8123);
        return http;
    }

    @Test
    void withTheDemoOnOnlyTheDemoOrdersApiOnThisServersPortIsReachableOnLocalhost() throws Exception {
        try (var demo = closing(http(true, List.of()))) {
            assertThatCode(() -> demo.http.checkTarget(URI.create("http://localhost:8123/demo/api/orders/1001")))
                    .doesNotThrowAnyException();
            for (String other : List.of("http://localhost:6379/", "http://localhost:8123/actuator/env",
                    "http://localhost:8123/demo/api/../../api/v1/admin/agents", "http://localhost/demo/api/orders/1",
                    "http://127.0.0.1:8123/demo/api/orders/1")) {
                assertThatThrownBy(() -> demo.http.checkTarget(URI.create(other)), other)
                        .isInstanceOf(ActionHttp.CallFailed.class);
            }
        }
    }

    @Test
    void withoutTheDemoLocalhostIsRefusedUnlessAnAdminAllowListedIt() throws Exception {
        try (var plain = closing(http(false, List.of()))) {
            assertThatThrownBy(() -> plain.http.checkTarget(URI.create("http://localhost:8123/demo/api/orders/1")))
                    .isInstanceOf(ActionHttp.CallFailed.class);
        }
        try (var allowed = closing(http(true, List.of("localhost")))) {
            assertThatCode(() -> allowed.http.checkTarget(URI.create("http://localhost:6379/anything")))
                    .doesNotThrowAnyException();
        }
    }

    private static Closing closing(ActionHttp http) {
        return new Closing(http);
    }

    private record Closing(ActionHttp http) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            http.destroy();
        }
    }
}
