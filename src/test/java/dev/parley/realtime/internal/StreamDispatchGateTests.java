package dev.parley.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class StreamDispatchGateTests {

    private final StreamDispatchGate gate = new StreamDispatchGate();

    @AfterEach
    void unbind() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aStreamOpenedInTheChainWritesNothingUntilTheChainHasReturned() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/widget/conversations/c/events");
        AtomicReference<CompletableFuture<Void>> firstWrite = new AtomicReference<>();
        CountDownLatch handlerReturned = new CountDownLatch(1);

        gate.doFilter(request, new MockHttpServletResponse(), new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) {
                // the handler opens the stream, whose own thread wants to write at once
                RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(req));
                ClientConnection client = ClientConnection.ofCurrentRequest();
                firstWrite.set(CompletableFuture.runAsync(client::awaitDispatchEnd));
                handlerReturned.countDown();
            }
        }) {
            @Override
            public void doFilter(ServletRequest req, ServletResponse res) throws IOException, ServletException {
                super.doFilter(req, res);
                // a filter still unwinding after the handler (Spring Security writing its headers, say)
                try {
                    assertThat(handlerReturned.await(5, TimeUnit.SECONDS)).isTrue();
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                assertThat(firstWrite.get()).as("the stream waits while the filters unwind").isNotDone();
            }
        });

        firstWrite.get().get(5, TimeUnit.SECONDS);
        assertThat(firstWrite.get()).isDone();
    }

    @Test
    void theLatchIsReleasedWhenTheChainFails() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/events");

        assertThatThrownBy(() -> gate.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            throw new ServletException("handler failed");
        })).isInstanceOf(ServletException.class);

        assertThat(((CountDownLatch) request.getAttribute(StreamDispatchGate.ATTRIBUTE)).getCount()).isZero();
    }

    @Test
    void aStreamWithoutTheGateWritesAtOnce() throws Exception {
        // a stream opened outside a request, or through a request that did not pass the gate (a POST)
        CompletableFuture.runAsync(ClientConnection.NONE::awaitDispatchEnd).get(1, TimeUnit.SECONDS);
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/events");
        gate.doFilter(post, new MockHttpServletResponse(), new MockFilterChain());
        assertThat(post.getAttribute(StreamDispatchGate.ATTRIBUTE)).isNull();
    }
}
