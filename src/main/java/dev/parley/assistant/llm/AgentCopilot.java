package dev.parley.assistant.llm;

import dev.parley.assistant.passage.Passages;
import dev.parley.conversation.Message;
import dev.parley.conversation.SourceRef;
import dev.parley.engine.runtime.TextEmbeddings;
import dev.parley.knowledge.KnowledgeArticle;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Helps agents: suggests a reply from the top articles and summarises a conversation. Uses the configured
 * model, which drafts the reply to the customer's question from the articles (customer data redacted, answer
 * guarded); offline, or when the model fails, the offline copilot's answering passage.
 */
@Component
public class AgentCopilot {

    /** An offline suggestion is a passage of about the length of an offline answer. */
    static final int SUGGESTION_CHARS = 600;

    private final LlmProviders providers;
    private final PiiRedactor redactor;
    private final UsageRecorder usage;
    private final PersonaBound<Prompted> prompted;
    private final Passages passages;

    /** Both system prompts for one persona and the guard that catches answers repeating them. */
    private record Prompted(CopilotPrompts prompts, OutputGuard guard) {

        static Prompted of(LlmSettings.Persona persona) {
            CopilotPrompts prompts = new CopilotPrompts(persona);
            return new Prompted(prompts, new OutputGuard(prompts.suggestSystem() + "\n" + prompts.summarySystem()));
        }
    }

    AgentCopilot(LlmProviders providers, PiiRedactor redactor, UsageRecorder usage, Personas personas,
            TextEmbeddings embeddings) {
        this.passages = new Passages(embeddings);
        this.providers = providers;
        this.redactor = redactor;
        this.usage = usage;
        this.prompted = new PersonaBound<>(personas, Prompted::of);
    }

    /** A reply the agent can edit and send, grounded in {@code articles} (best first). */
    public CopilotDraft suggestReply(List<Message> transcript, List<KnowledgeArticle> articles) {
        CopilotDraft offline = OfflineCopilot.suggestReply(transcript, articles, passages, SUGGESTION_CHARS);
        if (articles.isEmpty()) {
            return offline;
        }
        List<SourceRef> sources = articles.stream().map(a -> new SourceRef(a.id(), a.title(), a.url())).toList();
        return generate("suggest", transcript, CopilotPrompts::suggestSystem, session ->
                CopilotPrompts.knowledge(articles) + CopilotPrompts.transcript(transcript, session), sources)
                .orElse(offline);
    }

    /** A few lines for an agent taking over the conversation. */
    public CopilotDraft summarize(List<Message> transcript) {
        CopilotDraft offline = OfflineCopilot.summarize(transcript);
        if (transcript.isEmpty()) {
            return offline;
        }
        return generate("summary", transcript, CopilotPrompts::summarySystem,
                session -> CopilotPrompts.transcript(transcript, session), List.of()).orElse(offline);
    }

    private Optional<CopilotDraft> generate(String purpose, List<Message> transcript,
            Function<CopilotPrompts, String> system,
            Function<PiiRedactor.Session, String> user, List<SourceRef> sources) {
        Optional<LlmProvider> active = providers.active();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        Prompted current = prompted.current();
        var session = redactor.session();
        try {
            LlmResponse response = active.get().complete(
                    LlmRequest.of(system.apply(current.prompts()), user.apply(session)));
            UUID conversationId = transcript.isEmpty() ? null : transcript.getFirst().conversationId();
            usage.record(conversationId, null, purpose, active.get(), response.usage(), false);
            if (current.guard().leaks(response.text())) {
                return Optional.empty();
            }
            return Optional.of(new CopilotDraft(session.restore(response.text().strip()), sources, true));
        } catch (LlmException e) {
            return Optional.empty();
        }
    }
}
