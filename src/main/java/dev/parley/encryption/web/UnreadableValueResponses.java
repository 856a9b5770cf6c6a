package dev.parley.encryption.web;

import dev.parley.encryption.UnreadableValueException;
import dev.parley.shared.ApiException;
import dev.parley.shared.ApiExceptionResponses;
import dev.parley.shared.Causes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Any page or API that needs a sealed value this server cannot open (its key is not in the ring, the value is
 * damaged) says so and what an administrator can do, instead of the generic 500: still a 500, as it is the server's
 * data, as a problem for APIs (typed {@value #TYPE_NAME}) and the problem page for pages. Runs before every
 * controller advice, whose catch-alls would otherwise answer first. The message names keys, never data; the widget's
 * customers are told to start a new conversation instead, which the widget then does by itself.
 */
@Component
class UnreadableValueResponses implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(UnreadableValueResponses.class);
    /** The problem type; the widget starts a new conversation when the one it holds answers it. */
    static final String TYPE_NAME = "urn:parley:problem:unreadable-data";
    static final URI TYPE = URI.create(TYPE_NAME);
    private static final String WIDGET_API = "/api/v1/widget/";
    private static final String FOR_STAFF = "Some stored texts this needs cannot be decrypted with the encryption"
            + " keys this server has. Nothing was changed. An administrator can restore the missing key"
            + " (parley.encryption.keys or the key file) and try again.";
    /** A customer can do nothing about keys: they are told what to do instead, and nothing about the server. */
    private static final String FOR_CUSTOMERS = "This conversation cannot be opened right now. Nothing was changed."
            + " Please start a new conversation.";

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception exception) {
        UnreadableValueException unreadable = Causes.find(exception, UnreadableValueException.class).orElse(null);
        if (unreadable == null) {
            return null;
        }
        log.error("{} {} could not open stored data: {}", request.getMethod(), request.getRequestURI(),
                unreadable.getMessage());
        return ApiExceptionResponses.answer(request, response, handler, new UnreadableData(
                request.getRequestURI().startsWith(WIDGET_API) ? FOR_CUSTOMERS : FOR_STAFF));
    }

    /** The problem, typed so that a client (the widget) can tell it apart and start afresh. */
    static final class UnreadableData extends ApiException {

        UnreadableData(String detail) {
            super(HttpStatus.INTERNAL_SERVER_ERROR, "Unreadable data", detail);
        }

        @Override
        public ProblemDetail problem() {
            ProblemDetail problem = super.problem();
            problem.setType(TYPE);
            return problem;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
