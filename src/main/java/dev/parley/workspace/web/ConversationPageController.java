package dev.parley.workspace.web;

import dev.parley.sla.SlaClocks;
import java.time.Clock;
import dev.parley.action.Actions;
import dev.parley.assistant.llm.LlmUsage;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Priority;
import dev.parley.conversation.Satisfaction;
import dev.parley.identity.Agent;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.workspace.WaitingQueue;
import dev.parley.workspace.internal.CannedReplies;
import dev.parley.workspace.internal.ConversationActions;
import dev.parley.workspace.internal.InboxQuery;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** One conversation: transcript, reply and note, canned replies, status, priority, assignment, the contact panel. */
@Controller
@RequestMapping("/inbox/conversations/{id}")
class ConversationPageController {

    private final Conversations conversations;
    private final Transcripts transcripts;
    private final ContactPanels contactPanels;
    private final ConversationActions actions;
    private final CannedReplies canned;
    private final WaitingQueue queue;
    private final Agents agents;
    private final LlmUsage usage;
    private final Satisfaction satisfaction;
    private final Actions apiActions;
    private final TicketCard ticket;
    private final SlaClocks slaClocks;
    private final Clock clock;
    private final dev.parley.conversation.AttachmentPolicy policy;

    ConversationPageController(Conversations conversations, Transcripts transcripts, ContactPanels contactPanels,
            ConversationActions actions, CannedReplies canned, WaitingQueue queue, Agents agents, LlmUsage usage,
            Satisfaction satisfaction, Actions apiActions, TicketCard ticket, SlaClocks slaClocks, Clock clock,
            dev.parley.conversation.AttachmentPolicy policy) {
        this.policy = policy;
        this.ticket = ticket;
        this.slaClocks = slaClocks;
        this.clock = clock;
        this.apiActions = apiActions;
        this.transcripts = transcripts;
        this.contactPanels = contactPanels;
        this.usage = usage;
        this.satisfaction = satisfaction;
        this.conversations = conversations;
        this.actions = actions;
        this.canned = canned;
        this.queue = queue;
        this.agents = agents;
    }

    record CannedOption(String shortcut, String title, String text) {
    }

    @GetMapping
    String page(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id, Model model) {
        Conversation c = details(me, id, model);
        transcripts.fill(id, model);
        model.addAttribute("mentionable", agents.all().stream().filter(Agent::active)
                .filter(a -> !a.id().equals(me.id())).map(a -> new CannedOption(
                        dev.parley.workspace.internal.Mentions.handleOf(a), a.name(), "@" + dev.parley.workspace.internal.Mentions.handleOf(a) + " "))
                .toList());
        model.addAttribute("canned", canned.all().stream()
                .map(r -> new CannedOption(r.shortcut(), r.title(), CannedReplies.render(r.body(), c, me.name())))
                .toList());
        return "inbox/conversation";
    }

    /** The side panel alone: status, priority, assignee, customer; refreshed live when the conversation changes. */
    @GetMapping("/side")
    String side(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id, Model model) {
        details(me, id, model);
        return "inbox/conversation :: side";
    }

    private Conversation details(AgentPrincipal me, UUID id, Model model) {
        Conversation c = conversations.get(id);
        model.addAttribute("mayOverrideCapacity", me != null && me.isAtLeast(dev.parley.identity.Role.SUPERVISOR));
        List<Agent> all = agents.all();
        Map<UUID, String> names = all.stream().collect(Collectors.toMap(Agent::id, Agent::name));
        model.addAttribute("conversation", c);
        model.addAttribute("assigneeName", c.assigneeId() == null ? null : names.get(c.assigneeId()));
        model.addAttribute("nextStatuses", c.status().next());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("agents", all.stream().filter(Agent::active).toList());
        model.addAttribute("teams", agents.teams());
        model.addAttribute("panel", contactPanels.of(c));
        model.addAttribute("queueStatus", queue.status(id).orElse(null));
        model.addAttribute("sla", slaClocks.statusOf(id).orElse(null));
        model.addAttribute("now", clock.instant());
        model.addAttribute("usage", usage.totalsForConversation(id));
        model.addAttribute("csat", satisfaction.rating(id).orElse(null));
        model.addAttribute("actionRuns", apiActions.executionsInConversation(id, 20));
        ticket.fill(id, model);
        return c;
    }

    @GetMapping("/transcript")
    String transcriptFragment(@PathVariable UUID id, Model model) {
        conversations.get(id);
        transcripts.fill(id, model);
        return "inbox/conversation :: transcript";
    }

    @PostMapping("/messages")
    String reply(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id,
            @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "false") boolean internal,
            @RequestParam(name = "files", required = false) List<org.springframework.web.multipart.MultipartFile> files,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        List<dev.parley.conversation.InboundAttachment> checked;
        try {
            checked = ReplyFiles.check(policy, files);
        } catch (dev.parley.shared.ApiException refused) {
            if (htmx == null) {
                throw refused;
            }
            // The form keeps its text; the reason shows beside it (the transcript stays as it is).
            response.setStatus(refused.status().value());
            response.setHeader("HX-Retarget", "#reply-error");
            response.setHeader("HX-Reswap", "outerHTML");
            model.addAttribute("replyError", refused.getMessage());
            return "inbox/conversation :: reply-error";
        }
        actions.reply(me, id, text, internal, checked);
        if (htmx != null) {
            transcripts.fill(id, model);
            return "inbox/conversation :: transcript";
        }
        return redirect(id);
    }

    @PostMapping("/status")
    String status(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id, @RequestParam String status) {
        actions.changeStatus(me, id, InboxQuery.parseStatus(status));
        return redirect(id);
    }

    @PostMapping("/priority")
    String priority(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id,
            @RequestParam String priority) {
        actions.changePriority(me, id, InboxQuery.parsePriority(priority));
        return redirect(id);
    }

    @PostMapping("/assignee")
    String assign(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id,
            @RequestParam(required = false) UUID agentId,
            @RequestParam(defaultValue = "false") boolean overrideCapacity) {
        actions.assign(me, id, agentId, overrideCapacity);
        return redirect(id);
    }

    @PostMapping("/team")
    String team(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id,
            @RequestParam(required = false) UUID teamId) {
        actions.assignTeam(me, id, teamId);
        return redirect(id);
    }

    private static String redirect(UUID id) {
        return "redirect:/inbox/conversations/" + id;
    }

}
