package dev.parley.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last word on an {@link ApiException} that no controller advice answered (a page controller of a module
 * without a page advice, say): it is still the client's mistake, so it gets its own status and message (a problem
 * for an API, the problem page for a page) instead of escaping as a 500. Runs after Spring's own resolvers.
 */
@Component
class UnhandledApiExceptions implements HandlerExceptionResolver, Ordered {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception exception) {
        if (!(exception instanceof ApiException problem) || response.isCommitted()) {
            return null;
        }
        if (problem instanceof RetryLaterException later) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(later.retryAfterSeconds()));
        }
        if (!answersWithData(request, handler)) {
            return PageProblems.of(problem);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        ProblemDetail rendered = problem.problem();
        body.put("type", rendered.getType() == null ? "about:blank" : rendered.getType().toString());
        body.put("title", rendered.getTitle());
        body.put("status", rendered.getStatus());
        body.put("detail", rendered.getDetail());
        if (rendered.getProperties() != null) {
            body.putAll(rendered.getProperties());
        }
        try {
            response.resetBuffer();
            response.setStatus(problem.status().value());
            response.setCharacterEncoding("UTF-8");
            response.setContentType("application/problem+json");
            response.getWriter().write(JSON.writeValueAsString(body));
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    private static boolean answersWithData(HttpServletRequest request, Object handler) {
        if (ProblemAudience.wantsProblem(request.getContextPath(), request.getRequestURI(), request.getHeader("Accept"))) {
            return true;
        }
        return handler instanceof HandlerMethod method && (method.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
