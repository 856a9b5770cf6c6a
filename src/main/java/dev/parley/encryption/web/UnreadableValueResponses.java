package dev.parley.encryption.web;

import dev.parley.encryption.UnreadableValueException;
import dev.parley.shared.ApiException;
import dev.parley.shared.ApiExceptionResponses;
import dev.parley.shared.Causes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Any page or API that needs a sealed value this server cannot open (its key is not in the ring, the value is
 * damaged) says so and what an administrator can do, instead of the generic 500: still a 500, as it is the server's
 * data, as a problem for APIs and the problem page for pages. Runs before every controller advice, whose catch-alls
 * would otherwise answer first. The message names keys, never data.
 */
@Component
class UnreadableValueResponses implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(UnreadableValueResponses.class);

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception exception) {
        UnreadableValueException unreadable = Causes.find(exception, UnreadableValueException.class).orElse(null);
        if (unreadable == null) {
            return null;
        }
        log.error("{} {} could not open stored data: {}", request.getMethod(), request.getRequestURI(),
                unreadable.getMessage());
        return ApiExceptionResponses.answer(request, response, handler,
                new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "Unreadable data",
                        "Some stored texts this needs cannot be decrypted with the encryption keys this server has."
                                + " Nothing was changed. An administrator can restore the missing key"
                                + " (parley.encryption.keys or the key file) and try again."));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
