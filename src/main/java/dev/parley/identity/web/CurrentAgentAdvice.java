package dev.parley.identity.web;

import dev.parley.identity.AgentPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every dashboard page the signed-in agent as {@code me} (Thymeleaf security extras are not used). */
@ControllerAdvice(basePackages = {"dev.parley.identity.web", "dev.parley.workspace.web"})
class CurrentAgentAdvice {

    @ModelAttribute("me")
    AgentPrincipal me(@AuthenticationPrincipal AgentPrincipal me) {
        return me;
    }
}
