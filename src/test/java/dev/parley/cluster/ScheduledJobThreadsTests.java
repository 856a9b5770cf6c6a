package dev.parley.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.SilentServer;
import dev.parley.channel.web.RawWidgetStreams;
import dev.parley.realtime.EventStreams;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scheduled jobs do not wait for each other: a mailbox whose server accepts the connection and never answers holds
 * its poll for the mail timeout, and meanwhile the widget streams' close checks (and every other job) go on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "parley.email.idle=false", "parley.email.timeout=120s"})
class ScheduledJobThreadsTests {

    static final SilentServer SILENT_MAIL_SERVER = SilentServer.start();

    @DynamicPropertySource
    static void silentMailbox(DynamicPropertyRegistry registry) {
        // a database of its own: this inbox must not become other test classes' inbox
        registry.add("parley.data-dir", () -> "target/test-jobs-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:jobs-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        int port = SILENT_MAIL_SERVER.port();
        registry.add("parley.email.inboxes[0].name", () -> "Silent");
        registry.add("parley.email.inboxes[0].address", () -> "silent@acme.test");
        registry.add("parley.email.inboxes[0].imap-url", () -> "imap://silent%40acme.test:s3cret@127.0.0.1:" + port
                + "/INBOX");
        registry.add("parley.email.inboxes[0].smtp-url", () -> "smtp://127.0.0.1:" + port);
        registry.add("parley.email.inboxes[0].poll-interval", () -> "1s");
    }

    @AfterAll
    static void closeTheSilentServer() throws IOException {
        SILENT_MAIL_SERVER.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    EventStreams streams;
    @Autowired
    TaskScheduler scheduler;
    @Autowired
    List<ScheduledTaskHolder> scheduledTasks;

    @Test
    void aWidgetItsCustomerClosesIsCountedOutWhileAMailboxPollHangs() throws Exception {
        await().atMost(Duration.ofSeconds(60)).alias("the mailbox poll reached the silent server")
                .until(SILENT_MAIL_SERVER::holdsAClient);
        RawWidgetStreams widgets = new RawWidgetStreams(port, json);
        JsonNode started = widgets.start();
        long before = streams.openStreams("conversation:");
        try (Socket socket = widgets.open(started)) {
            assertThat(streams.openStreams("conversation:")).isEqualTo(before + 1);
            socket.close(); // the customer closed the chat window
            await().atMost(Duration.ofSeconds(5)).alias("the connection gauge")
                    .until(() -> streams.openStreams("conversation:") == before);
        }
        assertThat(SILENT_MAIL_SERVER.holdsAClient()).as("the poll still waits for the server's greeting").isTrue();
    }

    @Test
    void aJobThatBlocksHoldsUpNoOtherJob() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        ScheduledFuture<?> blocked = scheduler.scheduleWithFixedDelay(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Duration.ofMillis(10));
        ScheduledFuture<?> other = scheduler.scheduleWithFixedDelay(runs::incrementAndGet, Duration.ofMillis(10));
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 5);
        } finally {
            release.countDown();
            blocked.cancel(false);
            other.cancel(false);
        }
    }

    @Test
    void everyScheduledJobCanHaveAThreadOfItsOwn() {
        int jobs = scheduledTasks.stream().mapToInt(holder -> holder.getScheduledTasks().size()).sum();
        assertThat(jobs).isPositive().isLessThan(ScheduledJobThreads.JOB_THREADS);
    }
}
