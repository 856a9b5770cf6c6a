package dev.parley.realtime.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells an event stream when the request that opened it has left the filter chain. A stream writes from its own
 * thread; while the container thread is still unwinding the filters after the handler returned, filters touch the
 * response too (Spring Security writes its headers after the chain, a session filter may add a cookie), and a
 * servlet response is not thread-safe: under load a stream's first write raced with that and corrupted the response's
 * header table (on Tomcat, {@code ArrayIndexOutOfBoundsException} in {@code MimeHeaders}, seen with 10,000 streams
 * opening). So a GET carries a latch that is released once the chain has returned, and a stream sends nothing before
 * that. Runs outside every filter that touches the response after the chain (the session and security filters); the
 * two outside it (character encoding, the observation) do not.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class StreamDispatchGate extends OncePerRequestFilter {

    /** The request attribute holding the latch: released when the request's first dispatch has left the chain. */
    static final String ATTRIBUTE = StreamDispatchGate.class.getName() + ".dispatched";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CountDownLatch dispatched = new CountDownLatch(1);
        request.setAttribute(ATTRIBUTE, dispatched);
        try {
            chain.doFilter(request, response);
        } finally {
            dispatched.countDown();
        }
    }
}
