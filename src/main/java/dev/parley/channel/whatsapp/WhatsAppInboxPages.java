package dev.parley.channel.whatsapp;

import dev.parley.conversation.AssistantMode;
import dev.parley.conversation.Inbox;
import dev.parley.shared.ApiException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The admin page of WhatsApp inboxes (Cloud API phone numbers), each with the callback URL to set in Meta's app
 * dashboard; the access token, app secret and verify token go in, encrypted, and never come out.
 */
@Controller
@RequestMapping("/admin/whatsapp-inboxes")
class WhatsAppInboxPages {

    private final WhatsAppInboxes inboxes;

    WhatsAppInboxPages(WhatsAppInboxes inboxes) {
        this.inboxes = inboxes;
    }

    record Row(WhatsAppInboxes.Listed listed, String webhookUrl) {
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("rows", inboxes.listed().stream()
                .map(l -> new Row(l, webhookUrl(l.inbox()))).toList());
        return "channel/whatsapp-inboxes";
    }

    @PostMapping
    String add(@RequestParam String name, @RequestParam String phoneNumberId,
            @RequestParam(defaultValue = "") String accessToken, @RequestParam(defaultValue = "") String appSecret,
            @RequestParam(defaultValue = "") String verifyToken, @RequestParam(defaultValue = "") String templateName,
            @RequestParam(defaultValue = "en_US") String templateLanguage,
            @RequestParam(defaultValue = "ANSWER") AssistantMode assistantMode, RedirectAttributes redirect) {
        try {
            Inbox inbox = inboxes.createByAdmin(name, phoneNumberId, accessToken, appSecret, verifyToken, assistantMode,
                    templateName, templateLanguage);
            redirect.addFlashAttribute("notice", "Added " + inbox.name() + ". In Meta's app dashboard, set the "
                    + "callback URL to " + webhookUrl(inbox) + " with the same verify token and subscribe to messages.");
        } catch (ApiException | IllegalArgumentException e) {
            redirect.addFlashAttribute("formError", e.getMessage());
            redirect.addFlashAttribute("name", name);
            redirect.addFlashAttribute("phoneNumberId", phoneNumberId);
        }
        return "redirect:/admin/whatsapp-inboxes";
    }

    /** This server's address as the browser reached it: behind a proxy, the public address. */
    static String webhookUrl(Inbox inbox) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(WhatsAppWebhook.path(inbox.id())).toUriString();
    }
}
