package dev.parley.knowledge.help;

import dev.parley.shared.TooManyRequestsException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** The help center's HTML error pages: customers get a page with a way back, not a stack or a JSON problem. */
@ControllerAdvice(assignableTypes = {HelpCenterPages.class})
class HelpPageErrors {

    @ExceptionHandler(HelpPageNotFound.class)
    ModelAndView notFound(HelpPageNotFound e) {
        ModelAndView page = new ModelAndView("help/not-found", HttpStatus.NOT_FOUND);
        page.addObject("what", e.getMessage());
        return page;
    }

    /** Too many searches from one address: a page that says when to try again, with Retry-After. */
    @ExceptionHandler(TooManyRequestsException.class)
    ModelAndView tooMany(TooManyRequestsException e, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        ModelAndView page = new ModelAndView("help/too-many", HttpStatus.TOO_MANY_REQUESTS);
        page.addObject("detail", e.getMessage());
        return page;
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            IllegalArgumentException.class})
    ModelAndView badRequest(Exception e) {
        ModelAndView page = new ModelAndView("help/bad-request", HttpStatus.BAD_REQUEST);
        page.addObject("detail", e instanceof IllegalArgumentException ? e.getMessage() : "The request was incomplete.");
        return page;
    }
}
