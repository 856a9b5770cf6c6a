package dev.parley.notification.web;

import dev.parley.identity.AgentPrincipal;
import dev.parley.notification.internal.AgentMail;
import dev.parley.notification.internal.NotificationPreference;
import dev.parley.notification.internal.NotificationPreferences;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in agent's notification settings, linked from their account page. */
@Controller
@RequestMapping("/account/notifications")
class NotificationPreferencesPage {

    private final NotificationPreferences preferences;
    private final AgentMail mail;

    NotificationPreferencesPage(NotificationPreferences preferences, AgentMail mail) {
        this.preferences = preferences;
        this.mail = mail;
    }

    /** The form's checkboxes: an unchecked box is simply absent, so absent means off. */
    record PreferenceForm(Boolean emailOnAssignment, Boolean emailOnCustomerMessage, Boolean browserNotifications,
            Boolean sound, Boolean emailOnMention) {

        NotificationPreference of(java.util.UUID agentId) {
            return new NotificationPreference(agentId, on(emailOnAssignment), on(emailOnCustomerMessage),
                    on(browserNotifications), on(sound), on(emailOnMention));
        }

        private static boolean on(Boolean checked) {
            return Boolean.TRUE.equals(checked);
        }
    }

    @GetMapping
    String show(@AuthenticationPrincipal AgentPrincipal me, Model model) {
        model.addAttribute("preference", preferences.of(me.id()));
        model.addAttribute("mailAvailable", mail.available());
        return "notification/preferences";
    }

    @PostMapping
    String save(@AuthenticationPrincipal AgentPrincipal me, PreferenceForm form, RedirectAttributes redirect) {
        preferences.save(form.of(me.id()));
        redirect.addFlashAttribute("notice", "Notification settings saved");
        return "redirect:/account/notifications";
    }
}
