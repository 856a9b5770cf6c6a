package dev.parley.knowledge.web;

import dev.parley.identity.AgentPrincipal;
import dev.parley.shared.ApiException;
import dev.parley.shared.PageProblems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * For the knowledge pages only (the JSON API beside them answers problem+json): a client mistake (unknown article,
 * bad filter) shown with its status, with the signed-in agent as {@code me} for the header (exception views do not
 * get the global model attributes).
 */
@ControllerAdvice(assignableTypes = {KnowledgePages.class, ImportPage.class, SitePages.class})
class KnowledgePageAdvice {

    @ExceptionHandler(ApiException.class)
    ModelAndView problem(ApiException e, @AuthenticationPrincipal AgentPrincipal me) {
        return PageProblems.of(e).addObject("me", me);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(MethodArgumentTypeMismatchException e, @AuthenticationPrincipal AgentPrincipal me) {
        return PageProblems.of(e).addObject("me", me);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e, @AuthenticationPrincipal AgentPrincipal me) {
        return PageProblems.of(e).addObject("me", me);
    }
}
