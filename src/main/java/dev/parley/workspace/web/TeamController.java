package dev.parley.workspace.web;

import dev.parley.conversation.ConversationQueries;
import dev.parley.identity.Agent;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.AuditLog;
import dev.parley.workspace.PresenceStatus;
import dev.parley.workspace.WaitingQueue;
import dev.parley.workspace.internal.AgentCapacity;
import dev.parley.workspace.internal.Presence;
import dev.parley.shared.ApiException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Who is working: each agent's presence, load and capacity, and the queue length. Supervisors may set an agent's
 * status (e.g. offline for someone who left without signing out, which hands their conversations on).
 */
@Controller
class TeamController {

    private final Agents agents;
    private final Presence presence;
    private final AgentCapacity capacity;
    private final ConversationQueries queries;
    private final WaitingQueue queue;
    private final AuditLog audit;

    TeamController(Agents agents, Presence presence, AgentCapacity capacity, ConversationQueries queries,
            WaitingQueue queue, AuditLog audit) {
        this.agents = agents;
        this.presence = presence;
        this.capacity = capacity;
        this.queries = queries;
        this.queue = queue;
        this.audit = audit;
    }

    record Member(Agent agent, PresenceStatus status, long load, int capacity) {
    }

    @GetMapping("/inbox/team")
    String team(Model model) {
        List<Member> members = agents.all().stream().filter(Agent::active)
                .map(a -> new Member(a, presence.of(a.id()), queries.countAssigned(a.id(), AgentCapacity.LOAD),
                        capacity.capacityOf(a)))
                .toList();
        model.addAttribute("members", members);
        model.addAttribute("queueLength", queue.length());
        return "inbox/team";
    }

    @PostMapping("/inbox/team/{agentId}/presence")
    String setPresence(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID agentId,
            @RequestParam String status) {
        Agent agent = agents.get(agentId);
        PresenceStatus chosen;
        try {
            chosen = PresenceStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status must be ONLINE, AWAY or OFFLINE");
        }
        presence.choose(agentId, chosen);
        audit.record(me.actor(), "agent.presence", agent.email(), chosen.name());
        return "redirect:/inbox/team";
    }
}
