package dev.parley.channel.api;

import dev.parley.conversation.AssistantMode;
import dev.parley.shared.ApiException;
import java.io.Serializable;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The admin page of API inboxes: a bridge or messenger posts customers' messages with the inbox's key and gets
 * replies at its callback URL, signed. The key and the signing secret are shown once, right after creating.
 */
@Controller
@RequestMapping("/admin/api-inboxes")
class ApiInboxPages {

    private final ApiInboxes inboxes;

    ApiInboxPages(ApiInboxes inboxes) {
        this.inboxes = inboxes;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("rows", inboxes.listed());
        model.addAttribute("base", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
        return "channel/api-inboxes";
    }

    @PostMapping
    String add(@RequestParam String name, @RequestParam String callbackUrl,
            @RequestParam(defaultValue = "ANSWER") AssistantMode assistantMode, RedirectAttributes redirect) {
        try {
            ApiInboxes.Created created = inboxes.create(name, callbackUrl, assistantMode);
            redirect.addFlashAttribute("created", new CreatedInbox(created.inbox().id(), created.inbox().name(),
                    created.apiKey(), created.signingSecret()));
        } catch (ApiException | IllegalArgumentException e) {
            redirect.addFlashAttribute("formError", e.getMessage());
            redirect.addFlashAttribute("name", name);
            redirect.addFlashAttribute("callbackUrl", callbackUrl);
        }
        return "redirect:/admin/api-inboxes";
    }

    /**
     * What the page shows once after creating. Flash attributes wait in the session, which is stored in the database
     * or Redis and read by any node, so they must be serialisable.
     */
    record CreatedInbox(UUID id, String name, String apiKey, String signingSecret) implements Serializable {
    }
}
