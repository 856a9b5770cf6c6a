package dev.parley.channel.sms;

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

/**
 * The admin page of SMS inboxes (Twilio numbers): each with the two URLs to set at Twilio; auth tokens go in,
 * encrypted, and never come out. Inboxes from properties are listed but changed there.
 */
@Controller
@RequestMapping("/admin/sms-inboxes")
class SmsInboxPages {

    private final SmsInboxes inboxes;
    private final SmsSettings settings;

    SmsInboxPages(SmsInboxes inboxes, SmsSettings settings) {
        this.inboxes = inboxes;
        this.settings = settings;
    }

    record Row(SmsInboxes.Listed listed, String messagesUrl, String statusUrl) {
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("rows", inboxes.listed().stream().map(l -> new Row(l,
                settings.publicUrl(SmsChannel.messagesPath(l.inbox())), settings.publicUrl(SmsChannel.statusPath(l.inbox()))))
                .toList());
        return "channel/sms-inboxes";
    }

    @PostMapping
    String add(@RequestParam String name, @RequestParam String phoneNumber, @RequestParam String accountSid,
            @RequestParam(defaultValue = "") String authToken,
            @RequestParam(defaultValue = "ANSWER") AssistantMode assistantMode, RedirectAttributes redirect) {
        try {
            Inbox inbox = inboxes.create(name, phoneNumber, accountSid, authToken, assistantMode);
            redirect.addFlashAttribute("notice", "Added " + inbox.address() + ". At Twilio, set the number's \"A message "
                    + "comes in\" webhook to " + settings.publicUrl(SmsChannel.messagesPath(inbox)) + " (HTTP POST).");
        } catch (ApiException | IllegalArgumentException e) {
            redirect.addFlashAttribute("formError", e.getMessage());
            redirect.addFlashAttribute("name", name);
            redirect.addFlashAttribute("phoneNumber", phoneNumber);
            redirect.addFlashAttribute("accountSid", accountSid);
        }
        return "redirect:/admin/sms-inboxes";
    }
}
