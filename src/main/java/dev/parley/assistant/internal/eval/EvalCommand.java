package dev.parley.assistant.internal.eval;

import dev.parley.engine.eval.Metrics;
import dev.parley.engine.runtime.BgeSmallEmbeddingModel;
import dev.parley.engine.runtime.TextEmbeddings;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** {@code parley eval ...}: parses arguments, runs an {@link EvalRun}, prints the table, writes the report. */
public final class EvalCommand {

    private EvalCommand() {
    }

    /** Returns the process exit code: 0 done, 2 bad arguments or files, or a model that could not write questions. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        quietLibraryLogging();
        EvalOptions options;
        try {
            options = EvalOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("eval: " + e.getMessage());
            err.println(EvalOptions.USAGE);
            return 2;
        }
        TextEmbeddings embeddings = new EvalEmbeddings(new BgeSmallEmbeddingModel(),
                options.embeddingCache(), options.cacheQuestions());
        return run(options, embeddings, out, err);
    }

    static int run(EvalOptions options, TextEmbeddings embeddings, PrintStream out, PrintStream err) {
        Map<String, Object> report;
        try {
            report = new EvalRun(options, embeddings).run();
        } catch (IllegalArgumentException | java.io.UncheckedIOException | tools.jackson.core.JacksonException
                | GeneratedExamples.Failed e) {
            err.println("eval: " + e.getMessage());
            return 2;
        }
        print(report, out);
        if (options.report() != null) {
            EvalFiles.write(options.report(), report);
            out.println("report written to " + options.report());
        }
        return 0;
    }

    /** The eval runs without Spring's logging setup; keep the model libraries' start-up chatter off the table. */
    private static void quietLibraryLogging() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    private static void print(Map<String, Object> report, PrintStream out) {
        Metrics m = new Metrics((int) report.get("n"), (int) report.get("inScope"), (int) report.get("outOfScope"),
                (int) report.get("answered"), (double) report.get("top1Accuracy"), (double) report.get("threshold"),
                (double) report.get("deflection"), (Double) report.get("precision"), (Double) report.get("oosRecall"),
                (double) report.get("ece"), (double) report.get("latencyMsP50"), (double) report.get("latencyMsP95"));
        out.printf("knowledge base   %s (%s articles, trained in %s s, %s)%n", report.get("kb"), report.get("articles"),
                report.get("trainingSeconds"), Boolean.TRUE.equals(report.get("encoderTuned"))
                        ? "encoder tuned on it" : "shipped encoder");
        if (report.get("generatedQuestions") instanceof Map<?, ?> g) {
            out.printf("generated        %s questions for %s of %s articles without examples (%s per article asked of"
                    + " %s at %s, %s s)%n", g.get("questions"), g.get("articles"), g.get("articlesAsked"),
                    g.get("perArticle"), g.get("model"), g.get("url"), g.get("seconds"));
        }
        if (report.get("calibration") instanceof Map<?, ?> c) {
            out.printf("calibrated on    %s: target precision %s at out-of-scope share %.2f -> expected %.3f%s%n",
                    c.get("file"), c.get("targetPrecision"), c.get("outOfScopeShare"), c.get("expectedPrecision"),
                    Boolean.TRUE.equals(c.get("reached")) ? "" : " (target NOT reached)");
        }
        out.printf("questions        %s: %d (%d in scope, %d out of scope)%n%n", report.get("queries"), m.n(),
                m.inScope(), m.outOfScope());
        out.println("| metric | value |");
        out.println("|---|---|");
        row(out, "top-1 accuracy", percent(m.top1Accuracy()));
        row(out, "threshold", String.format("%.4f", m.threshold()));
        row(out, "deflection", percent(m.deflection()));
        row(out, "precision", m.precision() == null ? "-" : percent(m.precision()));
        row(out, "OOS recall", m.oosRecall() == null ? "-" : percent(m.oosRecall()));
        row(out, "answered", m.answered() + " of " + m.n());
        row(out, "calibration error (ECE)", String.format("%.3f", m.ece()));
        row(out, "latency p50 / p95", String.format("%.2f / %.2f ms", m.latencyMsP50(), m.latencyMsP95()));
    }

    private static void row(PrintStream out, String name, String value) {
        out.printf("| %s | %s |%n", name, value);
    }

    private static String percent(double value) {
        return String.format("%.1f%%", value * 100);
    }
}
