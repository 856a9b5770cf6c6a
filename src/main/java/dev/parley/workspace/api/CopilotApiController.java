package dev.parley.workspace.api;

import dev.parley.assistant.llm.AgentCopilot;
import dev.parley.assistant.llm.CopilotDraft;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Message;
import dev.parley.knowledge.KnowledgeArticle;
import dev.parley.knowledge.KnowledgeBase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agent copilot over the API: a reply drafted from the knowledge base and the transcript, and a short
 * summary. Both work offline (best article; extractive summary). A REST controller, so its errors are problems.
 */
@RestController
@Tag(name = "Conversations")
class CopilotApiController {

    private static final int TRANSCRIPT_LIMIT = 200;
    private static final int ARTICLES = 3;

    private final Conversations conversations;
    private final KnowledgeBase knowledge;
    private final AgentCopilot copilot;

    CopilotApiController(Conversations conversations, KnowledgeBase knowledge, AgentCopilot copilot) {
        this.conversations = conversations;
        this.knowledge = knowledge;
        this.copilot = copilot;
    }

    @GetMapping("/api/v1/conversations/{id}/suggested-reply")
    @Operation(summary = "A reply drafted from the knowledge base and the transcript, for the agent to edit")
    CopilotDraft suggestedReply(@PathVariable UUID id) {
        List<Message> transcript = visibleTranscript(id);
        String lastQuestion = transcript.reversed().stream().filter(m -> m.authorType() == AuthorType.CUSTOMER)
                .map(Message::text).findFirst().orElse("");
        List<KnowledgeArticle> articles = lastQuestion.isBlank() ? List.of()
                : knowledge.search(lastQuestion, ARTICLES).stream()
                        .map(hit -> knowledge.article(hit.articleId()).orElse(null))
                        .filter(Objects::nonNull).toList();
        return copilot.suggestReply(transcript, articles);
    }

    @GetMapping("/api/v1/conversations/{id}/summary")
    @Operation(summary = "A short summary of the conversation so far")
    CopilotDraft summary(@PathVariable UUID id) {
        return copilot.summarize(visibleTranscript(id));
    }

    private List<Message> visibleTranscript(UUID id) {
        conversations.get(id);
        return conversations.visibleMessages(id, 0, TRANSCRIPT_LIMIT);
    }
}
