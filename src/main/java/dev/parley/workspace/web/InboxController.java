package dev.parley.workspace.web;

import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationSummary;
import dev.parley.conversation.Inbox;
import dev.parley.conversation.Inboxes;
import dev.parley.conversation.Page;
import dev.parley.conversation.Priority;
import dev.parley.identity.Agent;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.workspace.AgentAvailability;
import dev.parley.workspace.WaitingQueue;
import dev.parley.workspace.internal.InboxQuery;
import dev.parley.workspace.internal.InboxView;
import jakarta.servlet.http.HttpServletRequest;
import dev.parley.sla.SlaClocks;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The inbox: views with counts, filters, search, sorted by how long the customer has waited; refreshed live. */
@Controller
class InboxController {

    private static final int PAGE_SIZE = 25;

    private final ConversationQueries queries;
    private final Agents agents;
    private final WaitingQueue queue;
    private final AgentAvailability availability;
    private final Inboxes inboxes;
    private final Clock clock;
    private final dev.parley.conversation.Conversations conversations;
    private final dev.parley.conversation.Tags tags;
    private final SlaClocks slaClocks;

    InboxController(ConversationQueries queries, Agents agents, WaitingQueue queue, AgentAvailability availability,
            Inboxes inboxes, Clock clock, dev.parley.conversation.Conversations conversations,
            dev.parley.conversation.Tags tags, SlaClocks slaClocks) {
        this.conversations = conversations;
        this.tags = tags;
        this.slaClocks = slaClocks;
        this.inboxes = inboxes;
        this.queries = queries;
        this.agents = agents;
        this.queue = queue;
        this.availability = availability;
        this.clock = clock;
    }

    @GetMapping({"/inbox", "/dashboard"})
    String inbox(@AuthenticationPrincipal AgentPrincipal me, InboxQuery query,
            @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        fill(me, query, page, request, model);
        return "inbox/inbox";
    }

    @GetMapping("/inbox/list")
    String list(@AuthenticationPrincipal AgentPrincipal me, InboxQuery query,
            @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        fill(me, query, page, request, model);
        return "inbox/inbox :: list";
    }

    /**
     * The conversation list beside an open conversation (the left pane of the three-pane layout): the first page
     * of the same view and filters the agent last used in this tab, the open conversation marked. Refreshed live.
     */
    @GetMapping("/inbox/pane")
    String pane(@AuthenticationPrincipal AgentPrincipal me, InboxQuery query,
            @RequestParam(required = false) UUID selected, Model model) {
        InboxView view = query.inboxView();
        Page<ConversationSummary> result = queries.find(view.narrow(query.filter(me.id()), me.id()), 0, PAGE_SIZE);
        Map<UUID, String> names = agents.all().stream().collect(Collectors.toMap(Agent::id, Agent::name));
        Instant now = clock.instant();
        model.addAttribute("rows", result.map(s -> InboxRow.of(s, names.get(s.conversation().assigneeId()), null,
                now)));
        model.addAttribute("currentView", view.key());
        model.addAttribute("selected", selected);
        return "inbox/pane :: pane";
    }

    private void fill(AgentPrincipal me, InboxQuery query, int page, HttpServletRequest request, Model model) {
        InboxView view = query.inboxView();
        var filter = query.filter(me.id());
        var narrowed = view.narrow(filter, me.id());
        Page<ConversationSummary> result = queries.find(narrowed, page, PAGE_SIZE);
        if (result.items().isEmpty() && result.page() > 0 && result.total() > 0) {
            // past the end (the list shrank while the agent paged, or an old link): its last page instead
            result = queries.find(narrowed, (int) Math.min(Integer.MAX_VALUE, (result.total() - 1) / result.size()),
                    PAGE_SIZE);
        }
        List<Agent> allAgents = agents.all();
        Map<UUID, String> names = allAgents.stream().collect(Collectors.toMap(Agent::id, Agent::name));
        var allInboxes = inboxes.all();
        Map<UUID, String> inboxNames = allInboxes.stream().collect(Collectors.toMap(Inbox::id, Inbox::name));
        Instant now = clock.instant();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (InboxView v : InboxView.values()) { // the current view's count came with its page
            counts.put(v.key(), v == view ? result.total() : queries.count(v.narrow(filter, me.id())));
        }
        model.addAttribute("currentView", view.key());
        model.addAttribute("queueLength", queue.length());
        model.addAttribute("agentsOnline", availability.onlineCount());
        model.addAttribute("counts", counts);
        model.addAttribute("rows", result.map(s -> InboxRow.of(s, names.get(s.conversation().assigneeId()),
                inboxNames.get(s.conversation().inboxId()), now)));
        model.addAttribute("sla", slaClocks.statusOf(result.items().stream().map(s -> s.conversation().id()).toList()));
        model.addAttribute("now", now);
        model.addAttribute("inboxes", allInboxes);
        model.addAttribute("agents", allAgents.stream().filter(Agent::active).toList());
        var teams = agents.teams();
        model.addAttribute("teams", teams);
        model.addAttribute("statuses", ConversationStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("query", query);
        model.addAttribute("categories", conversations.categories());
        model.addAttribute("tagCatalogue", tags.catalogue());
        model.addAttribute("queryString", request.getQueryString() == null ? "" : request.getQueryString());
        model.addAttribute("teamNames", teams.stream()
                .collect(Collectors.toMap(t -> t.id(), t -> t.name(), (a, b) -> a)));
    }

}
