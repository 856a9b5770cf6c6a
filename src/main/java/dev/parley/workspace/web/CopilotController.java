package dev.parley.workspace.web;

import dev.parley.assistant.llm.AgentCopilot;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Message;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The copilot's summary card at the top of escalated conversations (extractive offline). The API's drafted
 * reply and summary are in {@code inbox.api.CopilotApiController}.
 */
@Controller
class CopilotController {

    private static final int TRANSCRIPT_LIMIT = 200;

    private final Conversations conversations;
    private final AgentCopilot copilot;

    CopilotController(Conversations conversations, AgentCopilot copilot) {
        this.conversations = conversations;
        this.copilot = copilot;
    }

    /** The summary card at the top of an escalated conversation, loaded after the page so it never delays it. */
    @GetMapping("/inbox/conversations/{id}/summary")
    String summaryFragment(@PathVariable UUID id, Model model) {
        model.addAttribute("summary", copilot.summarize(visibleTranscript(id)));
        return "inbox/conversation :: summary-card";
    }

    private List<Message> visibleTranscript(UUID id) {
        conversations.get(id);
        return conversations.visibleMessages(id, 0, TRANSCRIPT_LIMIT);
    }
}
