package dev.parley.learning.web;

import dev.parley.identity.AgentPrincipal;
import dev.parley.learning.FlagReason;
import dev.parley.learning.internal.LearningQueue;
import dev.parley.learning.internal.Proposal;
import dev.parley.shared.ApiException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Agents flag a wrong AI answer with a reason from the conversation page; it lands in the learning queue. */
@Controller
class AnswerFlags {

    private final LearningQueue queue;

    AnswerFlags(LearningQueue queue) {
        this.queue = queue;
    }

    @PostMapping("/inbox/conversations/{id}/messages/{messageId}/flags")
    String page(@PathVariable UUID id, @PathVariable UUID messageId, @RequestParam(defaultValue = "") String reason,
            @RequestParam(required = false) String note, @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        try {
            Proposal flag = queue.flag(id, messageId, reason(reason), note, me.id());
            redirect.addFlashAttribute("notice", "Flagged the answer as " + flag.flagReason().label().toLowerCase(Locale.ROOT)
                    + "; supervisors see it in the learning queue.");
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/inbox/conversations/" + id;
    }

    static FlagReason reason(String value) {
        try {
            return value == null || value.isBlank() ? null : FlagReason.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Unknown reason '" + value + "': WRONG, OUTDATED, INCOMPLETE or INAPPROPRIATE");
        }
    }
}
