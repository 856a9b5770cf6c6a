package dev.parley.knowledge;

import dev.parley.engine.runtime.BgeSmallEmbeddingModel;
import dev.parley.engine.runtime.OnnxTextEmbeddings;
import dev.parley.knowledge.internal.EmbeddingCeiling;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The {@code embed-ceiling} command line: questions per second of the embedding model alone, built as the
 * application builds it (the shipped model, its session settings, the native-call gate, the embedding cache of
 * the default size), so that load results can be set against what the model could do on the same machine.
 * {@code embed-ceiling --questions FILE [--seconds 20] [--concurrency 1,4,16] [--warmup 10]}, FILE one question a line.
 */
public final class EmbeddingCeilingCommand {

    public static final String NAME = "embed-ceiling";
    static final String USAGE = "usage: embed-ceiling --questions FILE [--seconds 20] [--concurrency 1,4,16,64,256]"
            + " [--warmup 10]";
    private static final int DEFAULT_CACHE = 50_000; // parley.knowledge.embedding-cache-size

    private EmbeddingCeilingCommand() {
    }

    /** {@code args} as given to the application, starting with the command's name; returns the exit code. */
    public static int run(String... args) {
        return run(Arrays.asList(args).subList(1, args.length), System.out, System.err);
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Options options;
        List<String> questions;
        try {
            options = Options.parse(args);
            questions = Files.readAllLines(options.questions()).stream().map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
            if (questions.isEmpty()) {
                throw new IllegalArgumentException("no questions in " + options.questions());
            }
        } catch (IllegalArgumentException | IOException e) {
            err.println(NAME + ": " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        quietLibraryLogging();
        try {
            var ceiling = new EmbeddingCeiling(
                    new OnnxTextEmbeddings(new BgeSmallEmbeddingModel(), DEFAULT_CACHE), questions);
            if (options.warmup() > 0) {
                ceiling.measure(options.concurrency()[0], Duration.ofSeconds(options.warmup()));
            }
            out.println("| concurrency | questions | questions/s | p50 ms | p99 ms |");
            out.println("|---|---|---|---|---|");
            EmbeddingCeiling.Level best = null;
            for (int concurrency : options.concurrency()) {
                EmbeddingCeiling.Level level = ceiling.measure(concurrency, Duration.ofSeconds(options.seconds()));
                out.printf(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.1f |%n", level.concurrency(), level.questions(),
                        level.perSecond(), level.p50(), level.p99());
                best = best == null || level.perSecond() > best.perSecond() ? level : best;
            }
            out.printf(Locale.ROOT, "ceiling %.1f questions/s at concurrency %d%n", best.perSecond(),
                    best.concurrency());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** The command runs without Spring's logging setup; keep the model libraries' start-up chatter off the table. */
    private static void quietLibraryLogging() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    record Options(Path questions, int seconds, int[] concurrency, int warmup) {

        static Options parse(List<String> args) {
            Path questions = null;
            int seconds = 20;
            int warmup = 10;
            int[] concurrency = {1, 4, 16, 64, 256};
            for (int i = 0; i < args.size(); i++) {
                String name = args.get(i);
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args.get(++i);
                switch (name) {
                    case "--questions" -> questions = Path.of(value);
                    case "--seconds" -> seconds = positive(name, value);
                    case "--warmup" -> warmup = Math.max(0, number(name, value));
                    case "--concurrency" -> concurrency = Arrays.stream(value.split(","))
                            .mapToInt(c -> positive(name, c.strip())).toArray();
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (questions == null) {
                throw new IllegalArgumentException("--questions is required");
            }
            return new Options(questions, seconds, concurrency, warmup);
        }

        private static int positive(String name, String value) {
            int n = number(name, value);
            if (n < 1) {
                throw new IllegalArgumentException(name + " must be at least 1: " + value);
            }
            return n;
        }

        private static int number(String name, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " is not a number: " + value);
            }
        }
    }
}
