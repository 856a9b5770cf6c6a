package dev.parley.sla.web;

import dev.parley.shared.ApiException;
import dev.parley.shared.PageProblems;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** A mistake on the time-rules page (an unknown team, an id that is not one) shows what is wrong, not a 500. */
@ControllerAdvice(assignableTypes = TimeRulesPage.class)
class TimeRulesPageErrors {

    @ExceptionHandler(ApiException.class)
    ModelAndView apiException(ApiException e) {
        return PageProblems.of(e);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(MethodArgumentTypeMismatchException e) {
        return PageProblems.of(e);
    }
}
