package dev.parley.workspace.web;

import dev.parley.identity.AgentPrincipal;
import dev.parley.workspace.internal.CannedReplies;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Canned replies: everyone sees them, supervisors (and admins) change them (POSTs need SUPERVISOR). */
@Controller
@RequestMapping("/inbox/canned")
class CannedReplyController {

    private final CannedReplies canned;

    CannedReplyController(CannedReplies canned) {
        this.canned = canned;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("replies", canned.all());
        return "inbox/canned";
    }

    @PostMapping
    String save(@AuthenticationPrincipal AgentPrincipal me, @RequestParam(required = false) UUID id,
            @RequestParam String shortcut, @RequestParam String title, @RequestParam String body,
            RedirectAttributes redirect) {
        canned.save(me.actor(), id, shortcut, title, body);
        redirect.addFlashAttribute("notice", "Saved /" + shortcut.strip());
        return "redirect:/inbox/canned";
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id, RedirectAttributes redirect) {
        canned.delete(me.actor(), id);
        redirect.addFlashAttribute("notice", "Deleted");
        return "redirect:/inbox/canned";
    }
}
