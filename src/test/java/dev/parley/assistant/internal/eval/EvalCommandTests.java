package dev.parley.assistant.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.internal.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The eval command on the small fixture: 6 articles, 8 in-scope and 2 out-of-scope questions. */
class EvalCommandTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int eval(String... args) {
        var options = EvalOptions.parse(List.of(args));
        return EvalCommand.run(options, Fixtures.embeddings(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private JsonNode metrics(Path report) {
        return JsonMapper.builder().build().readTree(report.toFile());
    }

    @Test
    void answeringEverythingGivesTheKnownCountsAndRates() {
        Path report = dir.resolve("all.json");
        int code = eval("--kb", Fixtures.resource("kb.jsonl").toString(), "--queries",
                Fixtures.resource("queries.jsonl").toString(), "--threshold", "0", "--report", report.toString());
        assertThat(code).isZero();
        JsonNode m = metrics(report);
        assertThat(m.get("n").asInt()).isEqualTo(10);
        assertThat(m.get("inScope").asInt()).isEqualTo(8);
        assertThat(m.get("outOfScope").asInt()).isEqualTo(2);
        assertThat(m.get("top1Accuracy").asDouble()).isEqualTo(1.0);
        assertThat(m.get("threshold").asDouble()).isZero();
        assertThat(m.get("deflection").asDouble()).isEqualTo(1.0);
        assertThat(m.get("precision").asDouble()).isEqualTo(0.8);
        assertThat(m.get("oosRecall").asDouble()).isZero();
        assertThat(m.get("latencyMsP95").asDouble()).isGreaterThanOrEqualTo(m.get("latencyMsP50").asDouble())
                .isPositive();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("| top-1 accuracy | 100.0% |");
        // Answering everything answers both out-of-scope questions: they are the report's mistakes.
        JsonNode mistakes = m.get("mistakes");
        assertThat(mistakes.size()).isEqualTo(2);
        for (JsonNode mistake : mistakes) {
            assertThat(mistake.get("expected").isNull()).isTrue();
            assertThat(mistake.get("answered").asBoolean()).isTrue();
            assertThat(mistake.get("question").asString()).isNotBlank();
        }
        assertThat(mistakes.get(0).get("confidence").asDouble())
                .isGreaterThanOrEqualTo(mistakes.get(1).get("confidence").asDouble());
    }

    @Test
    void answeringNothingEscalatesEveryOutOfScopeQuestion() {
        Path report = dir.resolve("none.json");
        eval("--kb", Fixtures.resource("kb.jsonl").toString(), "--queries", Fixtures.resource("queries.jsonl").toString(),
                "--threshold", "1", "--report", report.toString());
        JsonNode m = metrics(report);
        assertThat(m.get("deflection").asDouble()).isZero();
        assertThat(m.get("oosRecall").asDouble()).isEqualTo(1.0);
        assertThat(m.get("precision").isNull()).isTrue();
        assertThat(m.get("mistakes").size()).isZero();
    }

    @Test
    void calibrationPicksAThresholdThatReachesTheTargetPrecision() {
        Path report = dir.resolve("calibrated.json");
        eval("--kb", Fixtures.resource("kb.jsonl").toString(), "--queries", Fixtures.resource("queries.jsonl").toString(),
                "--calibrate-on", Fixtures.resource("queries.jsonl").toString(), "--target-precision", "0.95",
                "--report", report.toString());
        JsonNode root = JsonMapper.builder().build().readTree(report.toFile());
        assertThat(root.get("calibration").get("reached").asBoolean()).isTrue();
        JsonNode m = root;
        assertThat(m.get("threshold").asDouble()).isBetween(0.0, 1.0);
        assertThat(m.get("precision").asDouble()).isGreaterThanOrEqualTo(0.95);
        assertThat(m.get("oosRecall").asDouble()).isEqualTo(1.0);
        assertThat(m.get("deflection").asDouble()).isPositive();
    }

    @Test
    void rejectsBadArgumentsWithUsage() {
        var printed = new ByteArrayOutputStream();
        int code = EvalCommand.run(List.of("--kb", "x.jsonl"), System.out, new PrintStream(printed, true));
        assertThat(code).isEqualTo(2);
        assertThat(printed.toString()).contains("--queries are required").contains("usage: eval");
        assertThat(EvalCommand.run(List.of("--kb", "a", "--queries", "b", "--threshold", "x"), System.out,
                new PrintStream(printed, true))).isEqualTo(2);
    }

    @Test
    void reportsAMissingFileAsABadArgument() {
        int code = eval("--kb", dir.resolve("missing.jsonl").toString(), "--queries",
                Fixtures.resource("queries.jsonl").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot read");
    }
}
