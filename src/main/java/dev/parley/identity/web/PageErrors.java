package dev.parley.identity.web;

import dev.parley.shared.ApiException;
import dev.parley.shared.PageProblems;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** A client mistake on a dashboard page shows what is wrong, with the right status, instead of a 500. */
@ControllerAdvice(basePackages = {"dev.parley.identity.web", "dev.parley.workspace.web"})
class PageErrors {

    @ExceptionHandler(ApiException.class)
    ModelAndView apiException(ApiException e) {
        return PageProblems.of(e);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(MethodArgumentTypeMismatchException e) {
        return PageProblems.of(e);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e) {
        return PageProblems.of(e);
    }
}
