package dev.parley.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses a sign-in attempt with 429 while its IP or account has too many recent failures. */
public class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final RequestMatcher signIn;

    /**
     * @param signIn the matcher of the sign-in form's processing URL, so that every spelling Spring Security
     *     accepts as a sign-in ({@code /%6cogin} for {@code /login}) is throttled too
     */
    public LoginThrottleFilter(LoginThrottle throttle, RequestMatcher signIn) {
        this.throttle = throttle;
        this.signIn = signIn;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !signIn.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> blocked = throttle.blockedFor(request.getRemoteAddr(), request.getParameter("username"));
        if (blocked.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, blocked.get().toSeconds());
        response.setHeader("Retry-After", Long.toString(seconds));
        String detail = "Too many failed sign-ins. Try again in " + Math.max(1, (seconds + 59) / 60) + " minute(s).";
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("text/html")) {
            response.setStatus(429);
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many "
                    + "sign-in attempts</title><link rel=\"stylesheet\" href=\"/css/dashboard.css\"></head><body>"
                    + "<main class=\"card narrow\"><h1>Too many sign-in attempts</h1><p role=\"alert\">" + detail
                    + "</p><p><a href=\"/login\">Back to sign in</a></p></main></body></html>");
            return;
        }
        ProblemResponses.write(response, 429, "Too many sign-in attempts", detail);
    }
}
