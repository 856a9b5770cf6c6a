package dev.parley.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Refuses requests whose envelope cannot be read before anything reads it: a Content-Type that is not one
 * concrete media type ({@code *}{@code /*}, garbage), a multipart body without a boundary, parameters that are
 * not valid UTF-8 ({@code ?q=%ff}). Each used to fail deep inside the framework as a 500; here it becomes a
 * 4xx: a problem under {@code /api/**}, a short readable page elsewhere. Written here, not through the error
 * page: the error dispatch would meet the same unreadable request. Runs right after the character-encoding
 * filter, before security.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestShapeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        MediaType type = null;
        if (contentType != null && !contentType.isBlank()) {
            try {
                type = MediaType.parseMediaType(contentType);
            } catch (InvalidMediaTypeException e) {
                refuse(request, response, 415, "Content-Type is not a valid media type");
                return;
            }
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                refuse(request, response, 415, "Content-Type must name one media type, not a wildcard");
                return;
            }
            // A request already parsed into parts (MockMvc's multipart) needs no boundary any more.
            if ("multipart".equals(type.getType()) && blank(type.getParameter("boundary"))
                    && !(request instanceof MultipartHttpServletRequest)) {
                refuse(request, response, 400, "A multipart body needs a boundary in its Content-Type");
                return;
            }
        }
        // Multipart parts are parsed later by the multipart resolver, with its size limits; everything else
        // (the query string and url-encoded forms) is decoded now, so a bad byte is a 400 and not a 500.
        if (type == null || !"multipart".equals(type.getType())) {
            try {
                request.getParameterMap();
            } catch (IllegalStateException | IllegalArgumentException e) {
                refuse(request, response, 400, "A query parameter or form field is not valid UTF-8 or cannot be read");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        String title = PlainProblem.title(status);
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        if (ProblemAudience.wantsProblem(request.getContextPath(), request.getRequestURI(), request.getHeader("Accept"))) {
            response.setContentType("application/problem+json");
            response.getWriter().write(PlainProblem.of(status, title, detail));
        } else {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write(PlainPage.of(title, detail));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank() || "\"\"".equals(value);
    }
}
