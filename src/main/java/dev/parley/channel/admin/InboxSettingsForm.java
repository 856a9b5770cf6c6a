package dev.parley.channel.admin;

import dev.parley.conversation.AssistantMode;
import dev.parley.conversation.Inboxes;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one form every channel's admin page uses to change an inbox's assistant mode and switch it on or off; it
 * returns to the page it came from (only admin pages: never an open redirect).
 */
@Controller
class InboxSettingsForm {

    private final Inboxes inboxes;

    InboxSettingsForm(Inboxes inboxes) {
        this.inboxes = inboxes;
    }

    @PostMapping("/admin/inboxes/{id}/settings")
    String save(@PathVariable UUID id, @RequestParam AssistantMode assistantMode,
            @RequestParam(defaultValue = "false") boolean enabled, @RequestParam(defaultValue = "") String back,
            RedirectAttributes redirect) {
        var inbox = inboxes.get(id);
        inboxes.update(id, inbox.name(), assistantMode, enabled);
        redirect.addFlashAttribute("notice", "Saved " + inbox.name() + ".");
        return "redirect:" + (back.matches("/admin/[a-z-]+") ? back : "/inbox");
    }
}
