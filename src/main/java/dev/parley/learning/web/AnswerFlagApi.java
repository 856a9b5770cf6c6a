package dev.parley.learning.web;

import dev.parley.identity.AgentPrincipal;
import dev.parley.learning.AnswerFlagCounts;
import dev.parley.learning.FlagReason;
import dev.parley.learning.internal.LearningQueue;
import dev.parley.learning.internal.Proposal;
import dev.parley.shared.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Agents flag a wrong AI answer with a reason through the API; it lands in the learning queue and in analytics. */
@RestController
@Tag(name = "Learning")
class AnswerFlagApi {

    private final LearningQueue queue;
    private final AnswerFlagCounts counts;
    private final java.time.Clock clock;

    AnswerFlagApi(LearningQueue queue, AnswerFlagCounts counts, java.time.Clock clock) {
        this.queue = queue;
        this.counts = counts;
        this.clock = clock;
    }

    @GetMapping("/api/v1/analytics/answer-flags")
    @Operation(summary = "Flagged AI answers by reason, from and to whole days (UTC; default: the last 30 days)")
    Map<FlagReason, Long> counts(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        if (start.isAfter(end)) {
            throw ApiException.badRequest("from must not be after to");
        }
        return counts.between(start, end);
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
