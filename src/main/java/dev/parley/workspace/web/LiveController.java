package dev.parley.workspace.web;

import dev.parley.conversation.Conversations;
import dev.parley.identity.AgentPrincipal;
import dev.parley.workspace.PresenceStatus;
import dev.parley.workspace.internal.Presence;
import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.RealtimeEvent;
import dev.parley.shared.ApiException;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Small live signals from the dashboard: the agent's typing (to the customer) and the agent's chosen status. */
@Controller
class LiveController {

    private final RealtimeBus bus;
    private final Conversations conversations;
    private final Presence presence;

    LiveController(RealtimeBus bus, Conversations conversations, Presence presence) {
        this.bus = bus;
        this.conversations = conversations;
        this.presence = presence;
    }

    /** Publishes {@code typing} {author: AGENT, name, typing} on the conversation's topic, for the widget. */
    @PostMapping("/inbox/conversations/{id}/typing")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void typing(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id,
            @RequestParam(defaultValue = "true") boolean typing) {
        conversations.get(id);
        bus.publish(new RealtimeEvent(RealtimeEvent.conversationTopic(id), "typing", 0,
                Map.of("conversationId", id, "author", "AGENT", "name", me.name(), "typing", typing)));
    }

    @PostMapping("/inbox/presence")
    String presence(@AuthenticationPrincipal AgentPrincipal me, @RequestParam String status,
            @RequestHeader(name = "Referer", required = false) String referer) {
        PresenceStatus chosen;
        try {
            chosen = PresenceStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status must be ONLINE, AWAY or OFFLINE");
        }
        presence.choose(me.id(), chosen);
        return "redirect:" + (referer != null && referer.contains("/inbox") ? localPath(referer) : "/inbox");
    }

    /** Only ever redirects within this site, whatever the Referer says. */
    private static String localPath(String referer) {
        int start = referer.indexOf("/inbox");
        return referer.substring(start);
    }
}
