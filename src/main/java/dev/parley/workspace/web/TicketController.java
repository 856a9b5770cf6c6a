package dev.parley.workspace.web;

import dev.parley.identity.AgentPrincipal;
import dev.parley.shared.ApiException;
import dev.parley.workspace.internal.TicketActions;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ticket card of the conversation page: subject, category and tags. With htmx the card comes back (with the
 * reason when a change was refused); a plain form post gets the page again, or the problem page.
 */
@Controller
@RequestMapping("/inbox/conversations/{id}")
class TicketController {

    private final TicketActions tickets;
    private final TicketCard card;

    TicketController(TicketActions tickets, TicketCard card) {
        this.tickets = tickets;
        this.card = card;
    }

    @PostMapping("/subject")
    String subject(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id,
            @RequestParam(defaultValue = "") String subject, @RequestHeader(name = "HX-Request", required = false)
            String htmx, Model model, HttpServletResponse response) {
        return card(id, htmx, model, response, subject, () -> tickets.changeSubject(me, id, subject));
    }

    @PostMapping("/category")
    String category(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id,
            @RequestParam(defaultValue = "") String category,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response) {
        return card(id, htmx, model, response, null, () -> tickets.changeCategory(me, id, category));
    }

    @PostMapping("/tags")
    String addTag(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id,
            @RequestParam(defaultValue = "") String name,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response) {
        return card(id, htmx, model, response, null, () -> tickets.addTag(me, id, name));
    }

    /** Merges another conversation of the contact into this one; the page shows the merged transcript. */
    @PostMapping("/merge")
    String merge(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id,
            @RequestParam(required = false) UUID sourceId) {
        tickets.merge(me, id, sourceId);
        return "redirect:/inbox/conversations/" + id;
    }

    @PostMapping("/tags/{tagId}/delete")
    String removeTag(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id, @PathVariable UUID tagId,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response) {
        return card(id, htmx, model, response, null, () -> tickets.removeTag(me, id, tagId));
    }

    private String card(UUID id, String htmx, Model model, HttpServletResponse response, String typedSubject,
            Runnable change) {
        try {
            change.run();
        } catch (ApiException e) {
            if (htmx == null || e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("ticketError", e.getMessage());
            model.addAttribute("typedSubject", typedSubject);
        }
        if (htmx == null) {
            return "redirect:/inbox/conversations/" + id;
        }
        card.fill(id, model);
        return "inbox/ticket :: ticket";
    }
}
