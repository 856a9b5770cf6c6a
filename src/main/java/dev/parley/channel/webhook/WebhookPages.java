package dev.parley.channel.webhook;

import dev.parley.identity.AgentPrincipal;
import dev.parley.shared.ApiException;
import java.util.Arrays;
import java.util.List;
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

/** The admins' webhooks page: subscriptions (secret shown once), pause/resume, the delivery log, redelivery. */
@Controller
@RequestMapping("/admin/webhooks")
class WebhookPages {

    private final Webhooks webhooks;

    WebhookPages(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("subscriptions", webhooks.all());
        model.addAttribute("eventNames", Arrays.stream(WebhookEvent.values()).map(WebhookEvent::wireName).toList());
        return "channel/webhooks";
    }

    @GetMapping("/{id}")
    String deliveries(@PathVariable UUID id, Model model) {
        model.addAttribute("subscription", webhooks.get(id));
        model.addAttribute("deliveries", webhooks.deliveries(id));
        return "channel/webhook-deliveries";
    }

    @PostMapping
    String create(@AuthenticationPrincipal AgentPrincipal me, @RequestParam String url,
            @RequestParam(required = false) List<String> events, RedirectAttributes redirect) {
        try {
            Webhooks.Created created = webhooks.create(me.actor(), url, events);
            redirect.addFlashAttribute("notice", "Subscribed " + created.subscription().url() + ". Its signing secret, "
                    + "shown only now: " + created.secret());
        } catch (ApiException e) {
            redirect.addFlashAttribute("formError", e.getMessage());
            redirect.addFlashAttribute("url", url);
        }
        return "redirect:/admin/webhooks";
    }

    @PostMapping("/{id}/active")
    String active(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id, @RequestParam boolean active,
            RedirectAttributes redirect) {
        webhooks.setActive(me.actor(), id, active);
        redirect.addFlashAttribute("notice", active ? "Resumed." : "Paused.");
        return "redirect:/admin/webhooks";
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id, RedirectAttributes redirect) {
        webhooks.delete(me.actor(), id);
        redirect.addFlashAttribute("notice", "Removed.");
        return "redirect:/admin/webhooks";
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    String redeliver(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id, @PathVariable UUID deliveryId,
            RedirectAttributes redirect) {
        try {
            webhooks.redeliver(me.actor(), id, deliveryId);
            redirect.addFlashAttribute("notice", "Sending it again.");
        } catch (ApiException e) {
            redirect.addFlashAttribute("formError", e.getMessage());
        }
        return "redirect:/admin/webhooks/" + id;
    }
}
