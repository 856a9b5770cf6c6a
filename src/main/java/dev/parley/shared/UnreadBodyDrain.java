package dev.parley.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads and drops what is left of a request body the application answered without reading (a refusal: too large,
 * wrong type, not signed in), up to 2 MB, before the answer is finished. Jetty closes a connection whose request body
 * was not read to its end, and a client still sending then gets a reset instead of the answer: an upload refused for
 * its size would see "connection reset", not the 413 that says why. Bodies larger than this still end the connection
 * (as Tomcat's swallow limit did), so a client cannot make the node read without bound.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadBodyDrain extends OncePerRequestFilter {

    static final long MAX_DRAIN_BYTES = 2L * 1024 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (!request.isAsyncStarted() && hasBody(request)) {
                drain(request);
            }
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static void drain(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        if (length > MAX_DRAIN_BYTES) {
            return; // more than is worth reading: the connection ends instead
        }
        try {
            ServletInputStream in = request.getInputStream();
            if (in.isFinished()) {
                return;
            }
            byte[] buffer = new byte[8192];
            long read = 0;
            for (int n; read <= MAX_DRAIN_BYTES && (n = in.read(buffer)) != -1; ) {
                read += n;
            }
        } catch (IOException | RuntimeException e) {
            // read as a reader already, a form or multipart parse that failed, a client gone: nothing to drain
        }
    }
}
