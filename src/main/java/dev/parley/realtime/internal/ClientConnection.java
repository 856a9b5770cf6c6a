package dev.parley.realtime.internal;

import jakarta.servlet.ReadListener;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Tells, without writing to it, whether the client of a long-lived bodiless GET (an event stream) has closed its
 * connection. The server does not read an async request's socket once its head is read, so a close is otherwise
 * noticed only when a write fails, and the first write after a close still succeeds. Where the connection's socket
 * is known ({@link JettySockets}), an ask is one non-blocking read of one byte from it: a client that closed reads as
 * end of stream. A request without a body has no byte of its own, so any byte means the client left, or sent
 * something an event stream never expects; either way the stream ends. Elsewhere the request's input is made
 * non-blocking (a {@link ReadListener}) and asked for {@code available()} bytes, for a container that reads for it.
 * Not thread-safe: ask it from the thread that writes the stream.
 */
public final class ClientConnection {

    /** For streams opened outside a request (tests, internal callers): their client never leaves by itself. */
    public static final ClientConnection NONE = new ClientConnection(null);

    private static final ReadListener IGNORED = new ReadListener() {
        @Override
        public void onDataAvailable() {
            // read through available(), from the stream's own thread
        }

        @Override
        public void onAllDataRead() {
            // a GET has no body
        }

        @Override
        public void onError(Throwable error) {
            // the next write or check ends the stream
        }
    };

    private static final long LONGEST_WAIT_FOR_DISPATCH_MILLIS = 5_000;

    private HttpServletRequest request;
    private final SocketChannel channel;
    private final CountDownLatch dispatched;
    private boolean nonBlocking;
    private boolean armed;
    private boolean endedBefore;

    private ClientConnection(HttpServletRequest request) {
        this.request = request;
        Object gate = request == null ? null : request.getAttribute(StreamDispatchGate.ATTRIBUTE);
        this.dispatched = gate instanceof CountDownLatch latch ? latch : null;
        this.channel = request == null ? null : JettySockets.channelOf(request);
    }

    /** The connection's channel, for {@link ClientCloseWatch}; null when it is not known (then ask periodically). */
    public SocketChannel channel() {
        return channel;
    }

    /**
     * Waits until the request that opened the stream has left the filter chain (see {@link StreamDispatchGate}), at
     * most 5 s; at once for a request that did not pass the gate. Call it from the stream's own thread before its
     * first write.
     */
    public void awaitDispatchEnd() {
        if (dispatched == null) {
            return;
        }
        try {
            dispatched.await(LONGEST_WAIT_FOR_DISPATCH_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The connection of the request this thread serves, or {@link #NONE} when it is not a bodiless request. */
    public static ClientConnection ofCurrentRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            boolean bodiless = request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null;
            return bodiless ? new ClientConnection(request) : NONE;
        }
        return NONE;
    }

    /**
     * Whether the client has closed the connection (false while that cannot be told, or not yet). The first ask only
     * arms it: a second guard, beside {@link StreamDispatchGate} (which holds the stream's first task, and so every
     * ask, until the request's own dispatch has left the filters), that the input is not touched while that dispatch
     * unwinds; and a close counts only when two asks in a row find it, so a read that raced with the container is
     * never taken for the client leaving.
     */
    public boolean closed() {
        if (request == null) {
            return false;
        }
        if (!armed) {
            armed = true;
            return false;
        }
        if (!nonBlocking && !listen()) {
            return false;
        }
        boolean ended = ended();
        boolean confirmed = ended && endedBefore;
        endedBefore = ended;
        return confirmed;
    }

    /** Whether the last ask found the client gone, a close that the next ask will confirm if it still does. */
    public boolean lookedGone() {
        return endedBefore;
    }

    private boolean ended() {
        if (channel != null) {
            return JettySockets.endOfStream(channel);
        }
        try {
            return request.getInputStream().available() > 0;
        } catch (IOException | RuntimeException e) {
            return true; // a socket that failed or a request already recycled: the stream is over either way
        }
    }

    private boolean listen() {
        try {
            if (!request.isAsyncStarted()) {
                return false; // still being set up: a read listener can only be set once the request is async
            }
            if (channel == null) {
                request.getInputStream().setReadListener(IGNORED);
            }
            nonBlocking = true;
        } catch (IOException | RuntimeException e) {
            request = null; // a container that refuses: left to the heartbeat, never mistaken for a close
        }
        return nonBlocking;
    }
}
