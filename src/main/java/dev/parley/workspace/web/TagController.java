package dev.parley.workspace.web;

import dev.parley.conversation.TagColours;
import dev.parley.conversation.Tags;
import dev.parley.identity.AgentPrincipal;
import dev.parley.workspace.internal.TicketActions;
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

/** The tag catalogue: everyone sees and creates tags; supervisors rename, recolour and delete them. */
@Controller
@RequestMapping("/inbox/tags")
class TagController {

    private final Tags tags;
    private final TicketActions tickets;

    TagController(Tags tags, TicketActions tickets) {
        this.tags = tags;
        this.tickets = tickets;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("catalogue", tags.catalogue());
        model.addAttribute("palette", TagColours.PALETTE);
        return "inbox/tags";
    }

    @PostMapping
    String create(@AuthenticationPrincipal AgentPrincipal me, @RequestParam String name,
            @RequestParam(required = false) String colour, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "Created " + tickets.createTag(me, name, colour).name());
        return "redirect:/inbox/tags";
    }

    @PostMapping("/{id}")
    String change(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id,
            @RequestParam(required = false) String name, @RequestParam(required = false) String colour,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "Saved " + tickets.changeTag(me, id, name, colour).name());
        return "redirect:/inbox/tags";
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "Deleted " + tickets.deleteTag(me, id).name());
        return "redirect:/inbox/tags";
    }
}
