package dev.parley.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A multipart body that cannot be parsed (a part or part header over its size limit, a broken part) is answered
 * here, directly: 413 or 400 as a problem or a page. Left to Spring's default it became sendError, and the error
 * page's own dispatch parsed the same body again, failed again and answered an empty 413.
 */
@Component
class MultipartRefusals implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception exception) {
        if (!(exception instanceof MultipartException) || response.isCommitted()) {
            return null;
        }
        boolean tooLarge = exception instanceof MaxUploadSizeExceededException;
        try {
            response.resetBuffer();
            // the body was read only in part and the rest cannot be: the connection ends with this answer, and the
            // client is told so (else it would send its next request on a connection the server is closing)
            response.setHeader("Connection", "close");
            RequestShapeFilter.refuse(request, response, tooLarge ? 413 : 400, tooLarge
                    ? "The upload, or one of its parts or part headers, is over the size limit"
                    : "The multipart body cannot be read");
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        // before Spring MVC's own resolvers (order 0), which would send the error through the error page
        return -1;
    }
}
