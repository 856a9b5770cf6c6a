package dev.parley.identity.web;

import dev.parley.shared.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A client mistake on a dashboard page shows its message with the right status instead of a 500. */
@ControllerAdvice(basePackages = {"dev.parley.identity.web", "dev.parley.inbox.web"})
class PageErrors {

    @ExceptionHandler(ApiException.class)
    ModelAndView apiException(ApiException e, Model model) {
        ModelAndView view = new ModelAndView("identity/problem");
        view.addObject("title", e.title());
        view.addObject("detail", e.getMessage());
        view.setStatus(HttpStatus.valueOf(e.status().value()));
        return view;
    }
}
