package dev.parley.assistant.llm;

import dev.parley.assistant.llm.GroundedDecision.Answered;
import dev.parley.assistant.llm.GroundedDecision.Failed;
import dev.parley.assistant.llm.GroundedDecision.Unanswerable;
import dev.parley.assistant.llm.LlmResponse.TokenUsage;
import dev.parley.action.ActionTools;
import dev.parley.conversation.SourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final ActionToolbox toolbox;

    /** The system prompt for one persona and the guard that catches answers repeating it. */
    private record Prompted(GroundedPrompt prompt, OutputGuard guard) {

        static Prompted of(LlmSettings.Persona persona) {
            GroundedPrompt prompt = new GroundedPrompt(persona);
            return new Prompted(prompt, new OutputGuard(prompt.system()));
        }
    }

    GroundedAnswerer(LlmProviders providers, PiiRedactor redactor, LanguageDetector languages, AnswerCache cache,
            UsageRecorder usage, TokenPreview preview, Personas personas) {
        this(providers, redactor, languages, cache, usage, preview, personas, null);
    }

    /** With {@code toolbox}, the defined actions are offered to the model as tools. */
    @org.springframework.beans.factory.annotation.Autowired
    GroundedAnswerer(LlmProviders providers, PiiRedactor redactor, LanguageDetector languages, AnswerCache cache,
            UsageRecorder usage, TokenPreview preview, Personas personas, ActionToolbox toolbox) {
        this.toolbox = toolbox;
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

    /** Whether actions are offered to the model as tools (a question without articles may still be answered). */
    public boolean offersTools() {
        return toolbox != null && !toolbox.offered().isEmpty();
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
        List<LlmTool> tools = toolbox == null ? List.of() : toolbox.offered();
        if (question.articles().isEmpty() && tools.isEmpty()) {
            return new Unanswerable(0.0, "retrieval found no articles", false);
        }
        LlmProvider provider = active.get();
        Prompted prompted = prompts.current();
        var session = redactor.session();
        String text = session.redact(question.question());
        String language = languages.detect(question.question()).map(CustomerLanguage::displayName)
                .orElse("the language of the customer's message");
        // a follow-up ("and how long does that take?") means something else in another conversation
        // a tool's result belongs to this customer: an answer drawn from one is never cached
        String key = tools.isEmpty() && Decisions.standalone(question) ? AnswerCache.key(text, question.knowledgeVersion(), language,
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
        var request = new LlmRequest(tools.isEmpty() ? prompted.prompt().system() : prompted.prompt().withTools(),
                List.of(LlmRequest.Turn.user(GroundedPrompt.userMessage(text,
                        Decisions.historyLines(question.history(), session), question.articles(), language))), tools);
        var stream = new AnswerStream(prompted.guard(), delta -> preview.token(question, delta));
        if (streaming) {
            preview.typing(question); // a slow model is seconds away from the first token
        }
        GroundedDecision decision = generate(question, provider, request, streaming ? stream : null,
                prompted.guard(), session);
        if (key != null) {
            cache.put(key, decision);
        }
        if (streaming && stream.previewed() && !(decision instanceof Answered)) {
            preview.cancel(question);
        }
        return Decisions.restored(decision, session, false);
    }

    /**
     * Calls the model until it answers: each round of tool calls runs the actions (at most
     * {@code max-tool-steps} calls a turn) and sends their results back; a call that needs the customer (a value,
     * a Yes / No, signing in) or a person ends the turn there.
     */
    private GroundedDecision generate(GroundedQuestion question, LlmProvider provider, LlmRequest request,
            AnswerStream stream, OutputGuard guard, PiiRedactor.Session session) {
        try {
            Map<String, SourceRef> toolResults = new LinkedHashMap<>();
            int steps = 0;
            LlmResponse response = call(provider, request, stream, question);
            while (!response.toolCalls().isEmpty()) {
                steps += response.toolCalls().size();
                if (toolbox == null || steps > toolbox.maxSteps()) {
                    return new Failed(LlmException.Kind.INVALID_RESPONSE, "the model asked for more than "
                            + (toolbox == null ? 0 : toolbox.maxSteps()) + " tool calls in one turn");
                }
                List<LlmRequest.Turn> turns = new ArrayList<>();
                turns.add(LlmRequest.Turn.toolCalls(response.text(), response.toolCalls()));
                for (LlmRequest.ToolCall call : response.toolCalls()) {
                    Map<String, String> arguments = new LinkedHashMap<>();
                    ActionToolbox.arguments(call.arguments()).forEach((name, value) ->
                            arguments.put(name, session.restore(value)));
                    ActionTools.Call result = toolbox.call(question.conversationId(), call.name(), arguments,
                            question.retrievalConfidence());
                    if (result.stop() != null) {
                        return new GroundedDecision.Acted(result.stop());
                    }
                    if (result.sourceId() != null) {
                        toolResults.put(result.sourceId(), ActionToolbox.source(result));
                    }
                    turns.add(LlmRequest.Turn.toolResult(call, session.redact(result.result())));
                }
                request = request.then(turns);
                response = call(provider, request, stream, question);
            }
            GroundedDecision decision = Decisions.judge(StructuredAnswer.parse(response.text()), question,
                    toolResults);
            if (decision instanceof Answered answered && guard.leaks(answered.text())) {
                return new Failed(LlmException.Kind.UNSAFE_OUTPUT, "the answer repeated the system prompt");
            }
            return decision;
        } catch (LlmException e) {
            return new Failed(e.kind(), e.getMessage());
        }
    }

    private LlmResponse call(LlmProvider provider, LlmRequest request, AnswerStream stream,
            GroundedQuestion question) {
        LlmResponse response = stream == null ? provider.complete(request) : provider.stream(request, stream);
        usage.record(question, "answer", provider, response.usage(), false);
        return response;
    }
}
