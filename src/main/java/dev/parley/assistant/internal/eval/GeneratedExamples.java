package dev.parley.assistant.internal.eval;

import dev.parley.assistant.llm.LlmException;
import dev.parley.assistant.llm.LlmProvider;
import dev.parley.assistant.llm.LlmProviders;
import dev.parley.assistant.llm.LlmResponse;
import dev.parley.assistant.llm.LlmSettings;
import dev.parley.assistant.llm.QuestionPrompt;
import dev.parley.assistant.llm.provider.OpenAiProviderFactory;
import dev.parley.knowledge.GeneratedQuestions;
import dev.parley.knowledge.KnowledgeArticle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@code --generate-questions-url}: a model writes questions for every article without examples of its own, with the
 * application's prompt, provider and cleaning, and they become the article's examples, as generated questions do in
 * the application while an article has none of its own. A call that fails fails the run.
 */
final class GeneratedExamples {

    private static final int PARALLEL_CALLS = 4;

    private final LlmProvider provider;
    private final String where;
    private final int perArticle;

    /** {@code where} names the model's server in error messages. */
    GeneratedExamples(LlmProvider provider, String where, int perArticle) {
        this.provider = provider;
        this.where = where;
        this.perArticle = perArticle;
    }

    /** The application's OpenAI provider (its timeouts, retries and defaults) for a server at {@code baseUrl}. */
    static GeneratedExamples openAi(EvalOptions.QuestionGeneration generation) {
        Map<String, String> properties = new HashMap<>();
        properties.put("parley.assistant.provider", "openai");
        properties.put("parley.assistant.openai.base-url", generation.url());
        if (generation.model() != null) {
            properties.put("parley.assistant.openai.model", generation.model());
        }
        LlmSettings settings = new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("parley.assistant", LlmSettings.class);
        LlmProvider provider = new LlmProviders(settings, List.of(new OpenAiProviderFactory())).active().orElseThrow();
        return new GeneratedExamples(provider, generation.url(), generation.perArticle());
    }

    /**
     * The articles in the same order, those without own examples with the model's questions as their examples. The
     * first article is asked alone, so a server that is down or refuses the model fails the run with its own error
     * rather than with the circuit breaker that four failing calls at a time would open.
     */
    Result write(List<KnowledgeArticle> articles) {
        long started = System.nanoTime();
        List<KnowledgeArticle> asked = articles.stream().filter(a -> a.examples().isEmpty()).toList();
        List<Written> answers = new ArrayList<>(asked.size());
        Map<KnowledgeArticle, Throwable> failures = new LinkedHashMap<>();
        if (!asked.isEmpty()) {
            collect(asked.subList(0, 1), 1, answers, failures);
        }
        if (failures.isEmpty() && asked.size() > 1) {
            collect(asked.subList(1, asked.size()), PARALLEL_CALLS, answers, failures);
        }
        if (!failures.isEmpty()) {
            throw failed(failures);
        }
        Map<String, Written> byId = new HashMap<>();
        answers.forEach(w -> byId.put(w.id(), w));
        List<KnowledgeArticle> out = new ArrayList<>(articles.size());
        for (KnowledgeArticle a : articles) {
            Written w = byId.get(a.id());
            out.add(w == null ? a : new KnowledgeArticle(a.id(), a.title(), a.body(), a.category(), a.tags(),
                    a.locale(), w.questions(), a.url()));
        }
        return new Result(out, answers, summary(answers, (System.nanoTime() - started) / 1e9));
    }

    /** Asks for every article, {@code parallel} at a time, keeping the answers and the failures in order. */
    private void collect(List<KnowledgeArticle> articles, int parallel, List<Written> answers,
            Map<KnowledgeArticle, Throwable> failures) {
        List<Future<Written>> calls;
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel,
                Thread.ofPlatform().daemon().name("eval-questions-", 0).factory())) {
            calls = pool.invokeAll(articles.stream().map(a -> (Callable<Written>) () -> ask(a)).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted while the model wrote questions", e);
        }
        for (int i = 0; i < articles.size(); i++) {
            try {
                answers.add(calls.get(i).get());
            } catch (ExecutionException | InterruptedException e) {
                failures.put(articles.get(i), e instanceof ExecutionException ? e.getCause() : e);
            }
        }
    }

    /** Names the first article that failed for a reason of its own (not because the breaker was open). */
    private Failed failed(Map<KnowledgeArticle, Throwable> failures) {
        var first = failures.entrySet().stream()
                .filter(f -> !(f.getValue() instanceof LlmException e && e.kind() == LlmException.Kind.CIRCUIT_OPEN))
                .findFirst().orElse(failures.entrySet().iterator().next());
        KnowledgeArticle article = first.getKey();
        String more = failures.size() == 1 ? "" : " (and " + (failures.size() - 1) + " more articles)";
        return new Failed("the model at " + where + " could not write questions for article " + article.id() + " (\""
                + article.title() + "\"): " + first.getValue().getMessage() + more, first.getValue());
    }

    /** For the report: where and how many, the questions written and the tokens the model counted. */
    private Map<String, Object> summary(List<Written> answers, double seconds) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("url", where);
        summary.put("model", provider.model());
        summary.put("perArticle", perArticle);
        summary.put("articlesAsked", answers.size());
        summary.put("articles", (int) answers.stream().filter(w -> !w.questions().isEmpty()).count());
        summary.put("questions", answers.stream().mapToInt(w -> w.questions().size()).sum());
        summary.put("inputTokens", answers.stream().mapToLong(w -> w.tokens().input()).sum());
        summary.put("outputTokens", answers.stream().mapToLong(w -> w.tokens().output()).sum());
        summary.put("seconds", Math.round(seconds * 10) / 10.0);
        return summary;
    }

    private Written ask(KnowledgeArticle article) {
        LlmResponse response = provider.complete(QuestionPrompt.request(article.title(), article.body(),
                article.locale(), perArticle));
        return new Written(article.id(), article.title(),
                GeneratedQuestions.usable(QuestionPrompt.lines(response.text())), response.usage());
    }

    /** The questions written for one article (empty when none of the model's lines was usable). */
    record Written(String id, String title, List<String> questions, LlmResponse.TokenUsage tokens) {
    }

    /**
     * The articles to train on, what was written for each article that was asked (in the KB file's order), and the
     * figures for the report.
     */
    record Result(List<KnowledgeArticle> articles, List<Written> written, Map<String, Object> summary) {
    }

    /** The model failed for an article: the run stops, naming it. */
    static final class Failed extends RuntimeException {

        Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
