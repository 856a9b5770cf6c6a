package dev.parley.knowledge.web;

import dev.parley.identity.AgentPrincipal;
import dev.parley.shared.ApiException;
import dev.parley.shared.PageProblems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * For the knowledge pages only (the JSON API beside them answers problem+json): the signed-in agent as
 * {@code me} for the header, and a client mistake (unknown article, bad filter) shown with its status.
 */
@ControllerAdvice(assignableTypes = {KnowledgePages.class, ImportPage.class, SitePages.class})
class KnowledgePageAdvice {

    @ModelAttribute("me")
    AgentPrincipal me(@AuthenticationPrincipal AgentPrincipal me) {
        return me;
    }

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
