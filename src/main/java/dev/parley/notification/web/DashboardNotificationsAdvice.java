package dev.parley.notification.web;

import dev.parley.identity.AgentPrincipal;
import dev.parley.notification.internal.NotificationPreference;
import dev.parley.notification.internal.NotificationPreferences;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives the dashboard's pages the signed-in agent's desktop-notification and sound preferences, which the page
 * header hands to dashboard.js as data attributes.
 */
@ControllerAdvice(basePackages = "dev.parley.workspace.web")
class DashboardNotificationsAdvice {

    private final NotificationPreferences preferences;

    DashboardNotificationsAdvice(NotificationPreferences preferences) {
        this.preferences = preferences;
    }

    @ModelAttribute("notificationPreference")
    NotificationPreference notificationPreference(@AuthenticationPrincipal AgentPrincipal me) {
        return me == null ? null : preferences.of(me.id());
    }
}
