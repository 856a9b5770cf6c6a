package dev.parley.assistant.internal.eval;

import dev.parley.assistant.llm.GeneratedQuestionSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** The eval command's arguments; {@code generation} is null unless a model writes questions. */
record EvalOptions(Path kb, Path queries, Path calibrateOn, double targetPrecision, Double threshold, Path report,
        double outOfScopeShare, double minOutOfScopeRecall, Path embeddingCache, boolean withSignals,
        boolean cacheQuestions, boolean tuneEncoder, QuestionGeneration generation) {

    static final String USAGE = """
            usage: eval --kb <kb.jsonl> --queries <queries.jsonl>
                        [--calibrate-on <dev.jsonl> [--target-precision 0.95] [--oos-share 0.2] [--min-oos-recall 0]
                                                   | --threshold <t>]
                        [--report <out.json>] [--embedding-cache <dir>] [--with-signals] [--cache-questions]
                        [--frozen-encoder]
                        [--generate-questions-url <http://host:port/v1> [--generate-questions-model <name>]
                         [--generate-questions-per-article 5] [--save-generated <questions.jsonl>]]""";

    static EvalOptions parse(List<String> args) {
        Path kb = null;
        Path queries = null;
        Path calibrateOn = null;
        double target = 0.95;
        Double threshold = null;
        Path report = null;
        double share = 0.2;
        double minRecall = 0;
        Path cache = null;
        boolean signals = false;
        boolean cacheQuestions = false;
        boolean tuneEncoder = true;
        String generateUrl = null;
        String generateModel = null;
        Integer perArticle = null;
        Path saveGenerated = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--kb" -> kb = Path.of(value(args, ++i, arg));
                case "--queries" -> queries = Path.of(value(args, ++i, arg));
                case "--calibrate-on" -> calibrateOn = Path.of(value(args, ++i, arg));
                case "--target-precision" -> target = number(value(args, ++i, arg), arg);
                case "--threshold" -> threshold = number(value(args, ++i, arg), arg);
                case "--report" -> report = Path.of(value(args, ++i, arg));
                case "--oos-share" -> share = number(value(args, ++i, arg), arg);
                case "--min-oos-recall" -> minRecall = number(value(args, ++i, arg), arg);
                case "--embedding-cache" -> cache = Path.of(value(args, ++i, arg));
                case "--with-signals" -> signals = true;
                case "--cache-questions" -> cacheQuestions = true;
                case "--frozen-encoder" -> tuneEncoder = false;
                case "--generate-questions-url" -> generateUrl = value(args, ++i, arg);
                case "--generate-questions-model" -> generateModel = value(args, ++i, arg);
                case "--generate-questions-per-article" -> perArticle = count(value(args, ++i, arg), arg);
                case "--save-generated" -> saveGenerated = Path.of(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        if (kb == null || queries == null) {
            throw new IllegalArgumentException("--kb and --queries are required");
        }
        if (calibrateOn != null && threshold != null) {
            throw new IllegalArgumentException("use either --calibrate-on or --threshold, not both");
        }
        if (target <= 0 || target > 1 || share < 0 || share >= 1 || minRecall < 0 || minRecall > 1 || (threshold != null && (threshold < 0 || threshold > 1))) {
            throw new IllegalArgumentException("precision, shares and thresholds are numbers in [0, 1]");
        }
        QuestionGeneration generation = null;
        if (generateUrl != null) {
            generation = new QuestionGeneration(generateUrl, generateModel, perArticle == null ? 5 : perArticle,
                    saveGenerated);
        } else if (generateModel != null || perArticle != null || saveGenerated != null) {
            throw new IllegalArgumentException("--generate-questions-model, --generate-questions-per-article and"
                    + " --save-generated need --generate-questions-url");
        }
        return new EvalOptions(kb, queries, calibrateOn, target, threshold, report, share, minRecall, cache, signals,
                cacheQuestions, tuneEncoder, generation);
    }

    /**
     * Questions written by the model at {@code url} (OpenAI's chat completions API) before training; {@code model}
     * null means the application's default; {@code save} null means they are not written to a file.
     */
    record QuestionGeneration(String url, String model, int perArticle, Path save) {

        QuestionGeneration {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || uri.getHost() == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("--generate-questions-url needs an http(s) address such as"
                        + " http://127.0.0.1:8000/v1, got " + url);
            }
            if (perArticle < 1 || perArticle > GeneratedQuestionSettings.MAX_PER_ARTICLE) {
                throw new IllegalArgumentException("--generate-questions-per-article is 1 to "
                        + GeneratedQuestionSettings.MAX_PER_ARTICLE + ", got " + perArticle);
            }
        }
    }

    private static String value(List<String> args, int i, String name) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args.get(i);
    }

    private static int count(String text, String name) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, got " + text);
        }
    }

    private static double number(String text, String name) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, got " + text);
        }
    }
}
