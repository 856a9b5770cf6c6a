package dev.parley.workspace.api;

import dev.parley.conversation.AssistantMode;
import dev.parley.conversation.Inbox;
import dev.parley.conversation.Inboxes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The inboxes conversations arrive in, so API clients can filter conversations by inbox. */
@RestController
@RequestMapping("/api/v1/inboxes")
@Tag(name = "Inboxes (agents)", description = "The configured channel instances conversations arrive in")
class InboxApiController {

    private final Inboxes inboxes;

    InboxApiController(Inboxes inboxes) {
        this.inboxes = inboxes;
    }

    record InboxSummary(UUID id, String channelType, String name, String address, AssistantMode assistantMode,
            boolean enabled) {

        static InboxSummary of(Inbox inbox) {
            return new InboxSummary(inbox.id(), inbox.channelType(), inbox.name(), inbox.address(),
                    inbox.assistantMode(), inbox.enabled());
        }
    }

    @GetMapping
    @Operation(summary = "List every inbox", description = "Use an inbox's id as GET /api/v1/conversations?inbox=<id>")
    List<InboxSummary> list() {
        return inboxes.all().stream().map(InboxSummary::of).toList();
    }
}
