package dev.parley.assistant.llm;

import dev.parley.knowledge.GeneratedQuestions;
import dev.parley.knowledge.GeneratedQuestions.ArticleToAsk;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Has the configured model write a handful of questions customers might ask for each published article without
 * example questions of its own, in the article's language, so the scorer and the encoder tuning work for prose help
 * centers as for knowledge bases with examples. Runs in the background, once across the cluster; an article is
 * asked again only when it changes. When the model fails on an article (a refused request, an answer without
 * questions) the article is asked again after a growing wait ({@link GeneratedQuestions#failed}); when the provider
 * itself is unavailable (rate limit, server error, network, open circuit) the run stops and the next one tries again.
 */
@Component
class QuestionWriter {

    private static final Logger log = LoggerFactory.getLogger(QuestionWriter.class);
    /** How the calls show in the LLM usage table; they belong to no conversation. */
    static final String PURPOSE = "generated-questions";
    /** Failures that say nothing about the article asked: the run stops and no article is held back. */
    private static final Set<LlmException.Kind> PROVIDER_DOWN = EnumSet.of(LlmException.Kind.RATE_LIMITED,
            LlmException.Kind.SERVER_ERROR, LlmException.Kind.NETWORK, LlmException.Kind.CIRCUIT_OPEN,
            LlmException.Kind.NOT_CONFIGURED);

    private final LlmProviders providers;
    private final GeneratedQuestions questions;
    private final GeneratedQuestionSettings settings;
    private final UsageRecorder usage;

    QuestionWriter(LlmProviders providers, GeneratedQuestions questions, GeneratedQuestionSettings settings,
            UsageRecorder usage) {
        this.providers = providers;
        this.questions = questions;
        this.settings = settings;
        this.usage = usage;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${parley.assistant.generated-questions.interval:5m}")
    @SchedulerLock(name = "assistant.generated-questions", lockAtMostFor = "PT30M", lockAtLeastFor = "PT30S")
    void writeDue() {
        writeFor(settings.batch());
    }

    /** Writes questions for up to {@code limit} articles that need them; returns how many articles got some. */
    int writeFor(int limit) {
        Optional<LlmProvider> provider = providers.active();
        if (!settings.enabled() || provider.isEmpty()) {
            return 0;
        }
        int written = 0;
        for (ArticleToAsk article : questions.needed(limit)) {
            try {
                LlmResponse response = provider.get().complete(QuestionPrompt.request(article.title(),
                        article.body(), article.locale(), settings.perArticle()));
                usage.record(null, null, PURPOSE, provider.get(), response.usage(), false);
                List<String> lines = GeneratedQuestions.usable(QuestionPrompt.lines(response.text()));
                if (lines.isEmpty()) {
                    log.warn("The model's answer for article {} held no usable questions", article.id());
                    questions.failed(article, "the model's answer held no usable questions");
                } else if (questions.store(article, lines)) {
                    written++;
                }
            } catch (LlmException e) {
                if (PROVIDER_DOWN.contains(e.kind())) {
                    log.warn("The model is unavailable for writing questions ({}); trying again at the next run",
                            e.getMessage());
                    break;
                }
                log.warn("The model could not write questions for article {}: {}", article.id(), e.getMessage());
                questions.failed(article, e.getMessage());
            }
        }
        if (written > 0) {
            log.info("The model wrote example questions for {} article{}", written, written == 1 ? "" : "s");
        }
        return written;
    }
}
