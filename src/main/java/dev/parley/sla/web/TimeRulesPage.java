package dev.parley.sla.web;

import dev.parley.conversation.Priority;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.Team;
import dev.parley.shared.ApiException;
import dev.parley.sla.BusinessCalendars;
import dev.parley.sla.InvalidCalendar;
import dev.parley.sla.SlaPolicies;
import dev.parley.sla.SlaPolicy;
import dev.parley.sla.SlaSettings;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

/** Admins set business hours (the workspace's and each team's) and the SLA targets per priority. */
@Controller
@RequestMapping("/admin/time-rules")
class TimeRulesPage {

    private final BusinessCalendars calendars;
    private final SlaPolicies policies;
    private final Agents agents;
    private final SlaSettings settings;

    TimeRulesPage(BusinessCalendars calendars, SlaPolicies policies, Agents agents, SlaSettings settings) {
        this.calendars = calendars;
        this.policies = policies;
        this.agents = agents;
        this.settings = settings;
    }

    record TeamRow(Team team, boolean own, String zone) {
    }

    record PolicyRow(Priority priority, String firstResponse, String resolution) {
    }

    @GetMapping
    String page(Model model) {
        fill(model, null, HoursForm.of(calendars.calendar(null)), List.of(), policyRows(null), List.of());
        return "sla/time-rules";
    }

    @GetMapping("/teams/{teamId}")
    String team(@PathVariable UUID teamId, Model model) {
        fill(model, team(teamId), HoursForm.of(calendars.calendar(teamId)), List.of(), null, List.of());
        return "sla/time-rules";
    }

    @PostMapping("/hours")
    String saveHours(@AuthenticationPrincipal AgentPrincipal me, @RequestParam(required = false) UUID teamId,
            @RequestParam Map<String, String> params, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Team team = teamId == null ? null : team(teamId);
        HoursForm form = HoursForm.of(params);
        try {
            calendars.save(me.actor(), teamId, form.input());
        } catch (InvalidCalendar e) {
            response.setStatus(400);
            fill(model, team, form, e.errors(), team == null ? policyRows(null) : null, List.of());
            return "sla/time-rules";
        }
        redirect.addFlashAttribute("notice", "Business hours saved.");
        return team == null ? "redirect:/admin/time-rules" : "redirect:/admin/time-rules/teams/" + teamId;
    }

    @PostMapping("/teams/{teamId}/reset")
    String reset(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID teamId, RedirectAttributes redirect) {
        team(teamId);
        calendars.useWorkspaceHours(me.actor(), teamId);
        redirect.addFlashAttribute("notice", "This team now works the workspace's hours.");
        return "redirect:/admin/time-rules/teams/" + teamId;
    }

    @PostMapping("/policies")
    String savePolicies(@AuthenticationPrincipal AgentPrincipal me, @RequestParam Map<String, String> params,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<Priority, String[]> targets = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            targets.put(priority, new String[] {params.get("first-" + priority.name()),
                params.get("resolution-" + priority.name())});
        }
        try {
            policies.save(me.actor(), targets);
        } catch (InvalidCalendar e) {
            response.setStatus(400);
            fill(model, null, HoursForm.of(calendars.calendar(null)), List.of(), policyRows(targets), e.errors());
            return "sla/time-rules";
        }
        redirect.addFlashAttribute("notice", "SLA targets saved. They apply to conversations handed to people from now on.");
        return "redirect:/admin/time-rules";
    }

    private void fill(Model model, Team team, HoursForm form, List<String> hoursErrors, List<PolicyRow> policyRows,
            List<String> policyErrors) {
        model.addAttribute("team", team);
        model.addAttribute("own", team == null || calendars.calendar(team.id()).own());
        model.addAttribute("form", form);
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("hoursErrors", hoursErrors);
        model.addAttribute("policies", policyRows);
        model.addAttribute("policyErrors", policyErrors);
        model.addAttribute("zones", ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/")).sorted().toList());
        model.addAttribute("teams", agents.teams().stream().map(t -> {
            BusinessCalendars.Calendar calendar = calendars.calendar(t.id());
            return new TeamRow(t, calendar.own(), calendar.hours().zone().getId());
        }).toList());
        model.addAttribute("warningPercent", Math.round(settings.warningShare() * 100));
    }

    private List<PolicyRow> policyRows(Map<Priority, String[]> typed) {
        if (typed != null) {
            return typed.entrySet().stream().map(e -> new PolicyRow(e.getKey(), e.getValue()[0], e.getValue()[1]))
                    .toList();
        }
        return policies.all().values().stream().map(p -> new PolicyRow(p.priority(),
                SlaPolicy.format(p.firstResponse()), SlaPolicy.format(p.resolution()))).toList();
    }

    private Team team(UUID teamId) {
        return agents.team(teamId).orElseThrow(() -> ApiException.notFound("Team " + teamId));
    }
}
