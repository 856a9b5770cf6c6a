package dev.parley.assistant.llm;

import dev.parley.conversation.Message;
import dev.parley.conversation.SourceRef;
import dev.parley.knowledge.KnowledgeArticle;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Helps agents: suggests a reply from the top articles and summarises a conversation. Uses the configured
 * model (customer data redacted, answer guarded); offline, or when the model fails, the offline copilot.
 */
@Component
public class AgentCopilot {

    private final LlmProviders providers;
    private final PiiRedactor redactor;
    private final UsageRecorder usage;
    private final CopilotPrompts prompts;
    private final OutputGuard guard;

    AgentCopilot(LlmProviders providers, PiiRedactor redactor, UsageRecorder usage, LlmSettings settings) {
        this.providers = providers;
        this.redactor = redactor;
        this.usage = usage;
        this.prompts = new CopilotPrompts(settings.persona());
        this.guard = new OutputGuard(prompts.suggestSystem() + "\n" + prompts.summarySystem());
    }

    /** A reply the agent can edit and send, grounded in {@code articles} (best first). */
    public CopilotDraft suggestReply(List<Message> transcript, List<KnowledgeArticle> articles) {
        CopilotDraft offline = OfflineCopilot.suggestReply(transcript, articles);
        if (articles.isEmpty()) {
            return offline;
        }
        List<SourceRef> sources = articles.stream().map(a -> new SourceRef(a.id(), a.title(), a.url())).toList();
        return generate("suggest", transcript, prompts.suggestSystem(), session ->
                CopilotPrompts.knowledge(articles) + CopilotPrompts.transcript(transcript, session), sources)
                .orElse(offline);
    }

    /** A few lines for an agent taking over the conversation. */
    public CopilotDraft summarize(List<Message> transcript) {
        CopilotDraft offline = OfflineCopilot.summarize(transcript);
        if (transcript.isEmpty()) {
            return offline;
        }
        return generate("summary", transcript, prompts.summarySystem(),
                session -> CopilotPrompts.transcript(transcript, session), List.of()).orElse(offline);
    }

    private Optional<CopilotDraft> generate(String purpose, List<Message> transcript, String system,
            java.util.function.Function<PiiRedactor.Session, String> user, List<SourceRef> sources) {
        Optional<LlmProvider> active = providers.active();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        var session = redactor.session();
        try {
            LlmResponse response = active.get().complete(LlmRequest.of(system, user.apply(session)));
            UUID conversationId = transcript.isEmpty() ? null : transcript.getFirst().conversationId();
            usage.record(conversationId, null, purpose, active.get(), response.usage(), false);
            if (guard.leaks(response.text())) {
                return Optional.empty();
            }
            return Optional.of(new CopilotDraft(session.restore(response.text().strip()), sources, true));
        } catch (LlmException e) {
            return Optional.empty();
        }
    }
}
