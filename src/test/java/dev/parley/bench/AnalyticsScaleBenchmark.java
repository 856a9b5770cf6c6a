package dev.parley.bench;

import dev.parley.analytics.AnalyticsFilter;
import dev.parley.analytics.AnalyticsReports;
import dev.parley.analytics.AnalyticsSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Times the 90-day analytics summary over the data bench/analytics/generate.sql writes. Run through
 * bench/analytics/run.sh, never in the test suite; appends its result to docs/benchmarks.md.
 */
@Tag("benchmark")
@SpringBootTest
class AnalyticsScaleBenchmark {

    static final LocalDate TO = LocalDate.of(2026, 11, 20);

    @Autowired
    AnalyticsReports reports;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> System.getenv("BENCH_DB_URL"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        // The synthetic history is old: left on, the jobs would resolve and close hundreds of thousands of its
        // conversations during the measurement and time the summary against that background work.
        registry.add("parley.sla.auto-resolve-after", () -> "0");
        registry.add("parley.sla.auto-close-after", () -> "0");
    }

    @Autowired
    dev.parley.analytics.internal.ConversationExport export;

    @Test
    void csvExportOfAllConversations() throws IOException {
        if (!"measure".equals(System.getProperty("parley.bench.phase"))) {
            return;
        }
        long[] bytes = {0};
        long[] lines = {0};
        java.io.OutputStream counting = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
                if (b == '\n') {
                    lines[0]++;
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                for (int i = off; i < off + len; i++) {
                    write(b[i]);
                }
            }
        };
        Runtime runtime = Runtime.getRuntime();
        long start = System.nanoTime();
        export.write(new AnalyticsFilter(TO.minusDays(365), TO, null, null), null, counting);
        double seconds = (System.nanoTime() - start) / 1e9;
        String line = String.format("| %s | CSV export streamed, %,d rows (%,d MB); heap in use after: %,d MB | %.1f s total | – | – |",
                LocalDate.now(), lines[0] - 1, bytes[0] / 1_000_000,
                (runtime.totalMemory() - runtime.freeMemory()) / 1_000_000, seconds);
        System.out.println(line);
        Files.writeString(Path.of("docs/benchmarks.md"), line + System.lineSeparator(), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    @Test
    void ninetyDaySummary() throws IOException {
        if (!"measure".equals(System.getProperty("parley.bench.phase"))) {
            return;
        }
        AnalyticsFilter ninetyDays = new AnalyticsFilter(TO.minusDays(89), TO, null, null);
        long coldStart = System.nanoTime();
        AnalyticsSummary first = reports.summary(ninetyDays);
        double coldMs = (System.nanoTime() - coldStart) / 1e6;
        for (int i = 0; i < 5; i++) {
            reports.summary(ninetyDays);
        }
        double[] ms = new double[30];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            reports.summary(ninetyDays);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        String line = String.format(
                "| %s | 90-day summary, PostgreSQL, %,d conversations in range | %.0f ms | %.0f ms | %.0f ms |",
                LocalDate.now(), first.totalConversations(), coldMs, ms[ms.length / 2], ms[(int) (ms.length * 0.95)]);
        System.out.println(line);
        Files.writeString(Path.of("docs/benchmarks.md"), line + System.lineSeparator(), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
