package dev.parley.workspace.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The server's own address. Staff land in the inbox; a visitor who is not signed in is sent to the sign-in page
 * first and comes back here afterwards, so opening the bare address and signing in ends in the inbox, not a 404.
 */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "redirect:/inbox";
    }
}
