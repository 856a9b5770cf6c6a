package dev.parley.identity.web;

import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.ApiTokens;
import dev.parley.identity.internal.AgentSessionRefreshFilter;
import jakarta.servlet.http.HttpSession;
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

/** The signed-in agent's own settings: password and personal API tokens. */
@Controller
@RequestMapping("/account")
class AccountController {

    private final Agents agents;
    private final ApiTokens tokens;

    AccountController(Agents agents, ApiTokens tokens) {
        this.agents = agents;
        this.tokens = tokens;
    }

    @GetMapping
    String account(@AuthenticationPrincipal AgentPrincipal me, Model model) {
        model.addAttribute("agent", agents.get(me.id()));
        model.addAttribute("tokens", tokens.of(me.id()));
        return "identity/account";
    }

    @PostMapping("/tokens")
    String createToken(@AuthenticationPrincipal AgentPrincipal me, @RequestParam(required = false) String name,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("newToken", tokens.create(me.id(), name));
        return "redirect:/account";
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(me.id(), id);
        redirect.addFlashAttribute("notice", "Token revoked");
        return "redirect:/account";
    }

    @PostMapping("/password")
    String password(@AuthenticationPrincipal AgentPrincipal me, @RequestParam(required = false) String currentPassword,
            @RequestParam String newPassword, HttpSession session, RedirectAttributes redirect) {
        agents.changeOwnPassword(me.actor(), currentPassword, newPassword);
        // This session stays signed in; the agent's other sessions end at their next request.
        AgentSessionRefreshFilter.credentialsChanged(session);
        redirect.addFlashAttribute("notice", "Password changed; your other sessions and API tokens were signed out");
        return "redirect:/account";
    }
}
