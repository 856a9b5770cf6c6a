package dev.parley.learning.web;

import dev.parley.identity.AgentPrincipal;
import dev.parley.learning.FlagReason;
import dev.parley.learning.internal.LearningQueue;
import dev.parley.learning.internal.Proposal;
import dev.parley.shared.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Agents flag a wrong AI answer with a reason through the API; it lands in the learning queue and in analytics. */
@RestController
@Tag(name = "Learning")
class AnswerFlagApi {

    private final LearningQueue queue;

    AnswerFlagApi(LearningQueue queue) {
        this.queue = queue;
    }

    record NewFlag(String reason, String note) {
    }

    record Flagged(UUID id, UUID conversationId, UUID messageId, FlagReason reason, String note) {
    }

    @PostMapping("/api/v1/conversations/{id}/messages/{messageId}/flags")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Flag one of the assistant's answers (reason WRONG, OUTDATED, INCOMPLETE or INAPPROPRIATE)",
            description = "The flag goes to the supervisors' learning queue and into analytics; flagging the same "
                    + "answer again changes nothing.")
    Flagged api(@PathVariable UUID id, @PathVariable UUID messageId, @RequestBody NewFlag body,
            @AuthenticationPrincipal AgentPrincipal me) {
        if (body == null) {
            throw ApiException.badRequest("Send {\"reason\": \"WRONG\", \"note\": \"…\"}");
        }
        Proposal flag = queue.flag(id, messageId, AnswerFlags.reason(body.reason()), body.note(), me.id());
        return new Flagged(flag.id(), id, messageId, flag.flagReason(), flag.note());
    }

}
