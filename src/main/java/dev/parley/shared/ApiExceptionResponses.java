package dev.parley.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * An {@link ApiException} answered from a {@link org.springframework.web.servlet.HandlerExceptionResolver}: a
 * problem ({@code application/problem+json}) for a client that wants data, the dashboard's problem page for a
 * browser. For resolvers of modules whose failures every controller may meet (stored data that cannot be opened).
 */
public final class ApiExceptionResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiExceptionResponses() {
    }

    /** The answer to {@code problem}, or null when the response is already on its way (nothing can be said). */
    public static ModelAndView answer(HttpServletRequest request, HttpServletResponse response, Object handler,
            ApiException problem) {
        if (response.isCommitted()) {
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
}
