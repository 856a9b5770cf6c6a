package dev.parley.identity.web;

import dev.parley.identity.IdentitySettings;
import dev.parley.identity.PasswordResets;
import dev.parley.shared.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * "Forgot your password?" without signing in: ask for a link by email, then set a new password with it. The answer
 * to a request is the same whether or not the address has an account.
 */
@Controller
@RequestMapping("/password-reset")
class PasswordResetController {

    private final PasswordResets resets;
    private final IdentitySettings settings;

    PasswordResetController(PasswordResets resets, IdentitySettings settings) {
        this.resets = resets;
        this.settings = settings;
    }

    @GetMapping
    String requestForm(Model model) {
        model.addAttribute("available", resets.available());
        return "identity/password-reset";
    }

    @PostMapping
    String request(@RequestParam(required = false) String email, HttpServletRequest request) {
        resets.request(email, request.getRemoteAddr());
        return resets.available() ? "redirect:/password-reset?sent" : "redirect:/password-reset";
    }

    @GetMapping("/{token}")
    ModelAndView newPasswordForm(@PathVariable String token) {
        if (resets.holder(token).isEmpty()) {
            throw linkNoLongerWorks();
        }
        return form(null, HttpStatus.OK);
    }

    @PostMapping("/{token}")
    ModelAndView setPassword(@PathVariable String token, @RequestParam(required = false) String newPassword) {
        if (resets.holder(token).isEmpty()) {
            throw linkNoLongerWorks();
        }
        try {
            resets.reset(token, newPassword);
        } catch (ApiException e) {
            if (e.status() != HttpStatus.BAD_REQUEST) {
                throw e;
            }
            return form(e.getMessage(), HttpStatus.BAD_REQUEST);
        }
        return new ModelAndView("redirect:/login?reset");
    }

    private ModelAndView form(String error, HttpStatus status) {
        ModelAndView view = new ModelAndView("identity/password-reset-form");
        view.addObject("error", error);
        view.addObject("minLength", settings.minPasswordLength());
        view.setStatus(status);
        return view;
    }

    private static ApiException linkNoLongerWorks() {
        return new ApiException(HttpStatus.GONE, "Link no longer works",
                "This password-reset link has expired, was already used or is not a link we sent. Ask for a new one"
                        + " on the sign-in page (Forgot your password?).");
    }
}
