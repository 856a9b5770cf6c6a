package dev.parley.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last word on an {@link ApiException} that no controller advice answered (a page controller of a module
 * without a page advice, say): it is still the client's mistake, so it gets its own status and message (a problem
 * for an API, the problem page for a page) instead of escaping as a 500. Runs after Spring's own resolvers.
 */
@Component
class UnhandledApiExceptions implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception exception) {
        if (!(exception instanceof ApiException problem)) {
            return null;
        }
        return ApiExceptionResponses.answer(request, response, handler, problem);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
