package dev.parley.identity.web;

import dev.parley.identity.AgentChanges;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.CreatedAgent;
import dev.parley.identity.NewAgent;
import dev.parley.identity.Role;
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

/** Admin pages: invite (create), edit and deactivate agents; create teams. Every change is audited. */
@Controller
@RequestMapping("/admin")
class AgentAdminController {

    private final Agents agents;

    AgentAdminController(Agents agents) {
        this.agents = agents;
    }

    @GetMapping({"", "/agents"})
    String agents(Model model) {
        model.addAttribute("agents", agents.all());
        model.addAttribute("teams", agents.teams());
        model.addAttribute("roles", Role.values());
        return "identity/agents";
    }

    @PostMapping("/agents")
    String create(@AuthenticationPrincipal AgentPrincipal me, @RequestParam String name, @RequestParam String email,
            @RequestParam Role role, @RequestParam(required = false) String password,
            @RequestParam(required = false) Integer maxConcurrent,
            @RequestParam(required = false) List<UUID> teamIds, RedirectAttributes redirect) {
        CreatedAgent created = agents.create(me.actor(), new NewAgent(name, email, role, password, maxConcurrent,
                teamIds == null ? List.of() : teamIds));
        redirect.addFlashAttribute("notice", "Added " + created.agent().email());
        if (created.generatedPassword() != null) {
            redirect.addFlashAttribute("generatedPassword", created.generatedPassword());
        }
        return "redirect:/admin/agents";
    }

    @GetMapping("/agents/{id}")
    String edit(@PathVariable UUID id, Model model) {
        model.addAttribute("agent", agents.get(id));
        model.addAttribute("teams", agents.teams());
        model.addAttribute("roles", Role.values());
        return "identity/agent-edit";
    }

    @PostMapping("/agents/{id}")
    String update(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id, @RequestParam String name,
            @RequestParam Role role, @RequestParam(defaultValue = "false") boolean active,
            @RequestParam(required = false) Integer maxConcurrent,
            @RequestParam(required = false) List<UUID> teamIds,
            @RequestParam(required = false) String newPassword, RedirectAttributes redirect) {
        agents.update(me.actor(), id, new AgentChanges(name, role, active, maxConcurrent, maxConcurrent == null,
                teamIds == null ? List.of() : teamIds));
        if (newPassword != null && !newPassword.isBlank()) {
            agents.changePassword(me.actor(), id, newPassword);
        }
        redirect.addFlashAttribute("notice", "Saved");
        return "redirect:/admin/agents";
    }

    @PostMapping("/teams")
    String createTeam(@AuthenticationPrincipal AgentPrincipal me, @RequestParam String name,
            RedirectAttributes redirect) {
        agents.createTeam(me.actor(), name);
        redirect.addFlashAttribute("notice", "Team " + name.strip() + " created");
        return "redirect:/admin/agents";
    }
}
