package dev.parley.assistant.llm;

import dev.parley.assistant.llm.GroundedDecision.Answered;
import dev.parley.assistant.llm.GroundedDecision.Failed;
import dev.parley.assistant.llm.GroundedDecision.Unanswerable;
import dev.parley.assistant.llm.LlmResponse.TokenUsage;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Answers a question from the retrieved articles only, through the configured provider: redacts personal
 * data, asks for a strict JSON decision in the customer's language, keeps only sources it was given,
 * turns {@code answerable} and the retrieval confidence into one confidence, blocks answers that repeat
 * the system prompt, caches repeated questions and records tokens and cost. Never throws for a provider
 * problem: that is a {@link Failed} decision, which {@link LlmOutcomes} turns into a fallback.
 */
@Component
public class GroundedAnswerer {

    private final LlmProviders providers;
    private final PiiRedactor redactor;
    private final LanguageDetector languages;
    private final AnswerCache cache;
    private final UsageRecorder usage;
    private final TokenPreview preview;
    private final PersonaBound<Prompted> prompts;

    /** The system prompt for one persona and the guard that catches answers repeating it. */
    private record Prompted(GroundedPrompt prompt, OutputGuard guard) {

        static Prompted of(LlmSettings.Persona persona) {
            GroundedPrompt prompt = new GroundedPrompt(persona);
            return new Prompted(prompt, new OutputGuard(prompt.system()));
        }
    }

    GroundedAnswerer(LlmProviders providers, PiiRedactor redactor, LanguageDetector languages, AnswerCache cache,
            UsageRecorder usage, TokenPreview preview, Personas personas) {
        this.providers = providers;
        this.redactor = redactor;
        this.languages = languages;
        this.cache = cache;
        this.usage = usage;
        this.preview = preview;
        this.prompts = new PersonaBound<>(personas, Prompted::of);
    }

    /** Whether a generative provider is configured; with {@code provider: offline} the pipeline skips this step. */
    public boolean enabled() {
        return providers.active().isPresent();
    }

    /** Decides with one blocking call. */
    public GroundedDecision answer(GroundedQuestion question) {
        return decide(question, false);
    }

    /**
     * Decides while streaming: the answer's text goes out as {@code token} events to the conversation's
     * topic as it is generated (a preview only; a failure ends with {@code token-cancel}).
     */
    public GroundedDecision stream(GroundedQuestion question) {
        return decide(question, true);
    }

    private GroundedDecision decide(GroundedQuestion question, boolean streaming) {
        Optional<LlmProvider> active = providers.active();
        if (active.isEmpty()) {
            return new Failed(LlmException.Kind.NOT_CONFIGURED, "no generative provider is configured (offline)");
        }
        if (question.articles().isEmpty()) {
            return new Unanswerable(0.0, "retrieval found no articles", false);
        }
        LlmProvider provider = active.get();
        Prompted prompted = prompts.current();
        var session = redactor.session();
        String text = session.redact(question.question());
        String language = languages.detect(question.question()).map(CustomerLanguage::displayName)
                .orElse("the language of the customer's message");
        // a follow-up ("and how long does that take?") means something else in another conversation
        String key = Decisions.standalone(question) ? AnswerCache.key(text, question.knowledgeVersion(), language,
                prompted.prompt().system()) : null;
        Optional<GroundedDecision> cached = key == null ? Optional.empty() : cache.find(key);
        if (cached.isPresent()) {
            usage.record(question, "answer", provider, TokenUsage.NONE, true);
            GroundedDecision hit = Decisions.restored(cached.get(), session, true);
            if (streaming && hit instanceof Answered answered) {
                preview.token(question, answered.text());
            }
            return hit;
        }
        var request = LlmRequest.of(prompted.prompt().system(), GroundedPrompt.userMessage(text,
                Decisions.historyLines(question.history(), session), question.articles(), language));
        var stream = new AnswerStream(prompted.guard(), delta -> preview.token(question, delta));
        GroundedDecision decision = generate(question, provider, request, streaming ? stream : null,
                prompted.guard());
        if (key != null) {
            cache.put(key, decision);
        }
        if (streaming && stream.previewed() && !(decision instanceof Answered)) {
            preview.cancel(question);
        }
        return Decisions.restored(decision, session, false);
    }

    private GroundedDecision generate(GroundedQuestion question, LlmProvider provider, LlmRequest request,
            AnswerStream stream, OutputGuard guard) {
        try {
            LlmResponse response = stream == null ? provider.complete(request) : provider.stream(request, stream);
            usage.record(question, "answer", provider, response.usage(), false);
            GroundedDecision decision = Decisions.judge(StructuredAnswer.parse(response.text()), question);
            if (decision instanceof Answered answered && guard.leaks(answered.text())) {
                return new Failed(LlmException.Kind.UNSAFE_OUTPUT, "the answer repeated the system prompt");
            }
            return decision;
        } catch (LlmException e) {
            return new Failed(e.kind(), e.getMessage());
        }
    }
}
