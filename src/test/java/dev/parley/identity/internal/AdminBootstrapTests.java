package dev.parley.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.parley.identity.Agent;
import dev.parley.identity.CreatedAgent;
import dev.parley.identity.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AdminBootstrapTests {

    @Test
    void theGeneratedPasswordGoesToTheConsoleAndNeverThroughTheLogger() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Agent admin = new Agent(UUID.randomUUID(), "Administrator", "admin@parley.local", Role.ADMIN, true, null,
                List.of(), Instant.now());
        try {
            AdminBootstrap.announce(new CreatedAgent(admin, "s3cret-generated-pw"),
                    new PrintStream(console, true, StandardCharsets.UTF_8));
        } finally {
            root.detachAppender(logged);
        }

        assertThat(console.toString(StandardCharsets.UTF_8)).contains("s3cret-generated-pw", "admin@parley.local");
        assertThat(logged.list).isNotEmpty()
                .noneMatch(e -> e.getFormattedMessage().contains("s3cret-generated-pw"));
    }
}
