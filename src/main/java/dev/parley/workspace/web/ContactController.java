package dev.parley.workspace.web;

import dev.parley.conversation.Contacts;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.Conversations;
import dev.parley.identity.AgentPrincipal;
import dev.parley.shared.ApiException;
import dev.parley.workspace.internal.ContactPrivacy;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An agent corrects the contact's name or email address from the conversation page. With htmx the contact card
 * comes back, with the reason when the change was refused and what the agent typed kept in the form; a plain form
 * post gets the page again, or the problem page saying what is wrong.
 */
@Controller
class ContactController {

    private final Conversations conversations;
    private final Contacts contacts;
    private final ContactPanels panels;
    private final ContactPrivacy privacy;

    ContactController(Conversations conversations, Contacts contacts, ContactPanels panels, ContactPrivacy privacy) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.panels = panels;
        this.privacy = privacy;
    }

    @PostMapping("/inbox/conversations/{id}/contact")
    String update(@PathVariable UUID id, @RequestParam(required = false) String name,
            @RequestParam(required = false) String email,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response) {
        Conversation conversation = withContact(id);
        try {
            contacts.update(conversation.contactId(), name, email);
        } catch (ApiException e) {
            if (htmx == null) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("contactError", e.getMessage());
            model.addAttribute("typedName", name);
            model.addAttribute("typedEmail", email);
        }
        if (htmx == null) {
            return "redirect:/inbox/conversations/" + id;
        }
        model.addAttribute("conversation", conversations.get(id));
        model.addAttribute("panel", panels.of(conversation));
        return "inbox/conversation :: contact";
    }

    /** An admin erases the contact's personal data (after confirming in the browser); the page shows the result. */
    @PostMapping("/inbox/conversations/{id}/contact/erase")
    String erase(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id) {
        privacy.erase(me.actor(), withContact(id).contactId());
        return "redirect:/inbox/conversations/" + id + "?erased";
    }

    private Conversation withContact(UUID id) {
        Conversation conversation = conversations.get(id);
        if (conversation.contactId() == null) {
            throw ApiException.notFound("The contact of conversation " + id);
        }
        return conversation;
    }
}
