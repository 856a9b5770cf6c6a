package dev.parley.identity.web;

import dev.parley.identity.AgentPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the signed-in agent as {@code me} for the dashboard chrome (Thymeleaf security extras are not used);
 * {@code null} on public pages. Pages need no advice of their own.
 */
@ControllerAdvice(basePackages = "dev.parley")
class CurrentAgentAdvice {

    @ModelAttribute("me")
    AgentPrincipal me(@AuthenticationPrincipal AgentPrincipal me) {
        return me;
    }
}
