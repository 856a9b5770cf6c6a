package dev.parley.workspace.api;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.Conversations;
import dev.parley.identity.AgentPrincipal;
import dev.parley.shared.ApiException;
import dev.parley.workspace.internal.TicketActions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Merging two conversations of the same contact through the agent API. */
@RestController
@Tag(name = "Conversations (agents)")
class MergeApiController {

    private final Conversations conversations;
    private final TicketActions tickets;

    MergeApiController(Conversations conversations, TicketActions tickets) {
        this.conversations = conversations;
        this.tickets = tickets;
    }

    record MergeRequest(UUID sourceId) {
    }

    @PostMapping("/api/v1/conversations/{id}/merge")
    @Operation(summary = "Merge another conversation of the same contact into this one",
            description = "The source's messages join this transcript by time, its tags and email thread come along; "
                    + "the source is closed with a note linking here. 409 for another contact, a closed target or a "
                    + "source merged before")
    Conversation merge(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id,
            @RequestBody MergeRequest body) {
        if (body == null) {
            throw ApiException.badRequest("The body must be a JSON object with sourceId");
        }
        tickets.merge(me, id, body.sourceId());
        return conversations.get(id);
    }
}
