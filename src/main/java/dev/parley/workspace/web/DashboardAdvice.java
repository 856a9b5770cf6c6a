package dev.parley.workspace.web;

import dev.parley.identity.AgentPrincipal;
import dev.parley.workspace.PresenceStatus;
import dev.parley.workspace.internal.Presence;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every dashboard page the signed-in agent's presence for the status switch in the header, and the time its
 * data is read (before the handler runs), which a live page hands to its stream ({@link DashboardEvents}).
 */
@ControllerAdvice(basePackages = {"dev.parley.identity.web", "dev.parley.workspace.web", "dev.parley.knowledge.web",
        "dev.parley.analytics.web", "dev.parley.assistant.web"})
class DashboardAdvice {

    private final Presence presence;

    DashboardAdvice(Presence presence) {
        this.presence = presence;
    }

    @ModelAttribute("myStatus")
    PresenceStatus myStatus(@AuthenticationPrincipal AgentPrincipal me) {
        return me == null ? null : presence.of(me.id());
    }

    @ModelAttribute("renderedAt")
    long renderedAt() {
        return System.currentTimeMillis();
    }
}
