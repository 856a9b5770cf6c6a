package dev.parley.identity.web;

import dev.parley.identity.AgentPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page, and a sign-out page for the address typed or bookmarked; Spring Security handles both POSTs
 * (sign-in fields {@code username} = email and {@code password}).
 */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "identity/login";
    }

    /** Asks before signing out (a link alone must not sign anyone out); someone signed out already is told so. */
    @GetMapping("/logout")
    String logout(@AuthenticationPrincipal AgentPrincipal me, Model model) {
        if (me == null) {
            return "redirect:/login?logout";
        }
        model.addAttribute("email", me.email());
        return "identity/logout";
    }
}
