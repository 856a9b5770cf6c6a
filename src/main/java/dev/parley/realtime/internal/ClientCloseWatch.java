package dev.parley.realtime.internal;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.IllegalBlockingModeException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Tells at once when the socket of an idle event stream has something to read, which for a bodiless GET means its
 * client closed the connection (ADRs 0038, 0039). The server does not read an async request's socket, so
 * this registers the connection's channel with a selector of its own (a channel may be registered with several); one
 * thread waits on all of them. Nothing is read here: the stream asks its {@link ClientConnection} on its own turn.
 * A channel that cannot be registered is left to the periodic check in {@code EventStreams}.
 */
@Component
public class ClientCloseWatch implements DisposableBean {

    /**
     * The longest wait of the selector: a channel the server closed while registered here is closed for good (its file
     * descriptor released; its FIN is sent at once either way) at this thread's next select.
     */
    private static final long SELECT_MILLIS = 1_000;
    private static final Logger log = LoggerFactory.getLogger(ClientCloseWatch.class);

    private final Selector selector;
    private volatile boolean open = true;

    public ClientCloseWatch() throws IOException {
        this.selector = Selector.open();
        Thread.ofPlatform().daemon().name("stream-close-watch").start(this::run);
    }

    /** One channel's watch: asks again once the stream found nothing, ends with the stream. */
    public record Watch(SelectionKey key) {

        /** Watches for the next read again (a watch reports once, then waits for this). */
        public void again() {
            try {
                key.interestOps(SelectionKey.OP_READ);
                key.selector().wakeup();
            } catch (CancelledKeyException | ClosedSelectorException e) {
                // the stream or the node is closing
            }
        }

        public void end() {
            key.cancel();
        }
    }

    /**
     * Hands the watch to {@code readable} on the watch's thread (so it must only hand work on) the first time the
     * channel has something to read. The key is registered with no interest and armed once the callback is attached,
     * so the callback never runs before this returns the watch. @return the watch, or null when the channel cannot
     * be watched here
     */
    public Watch watch(SocketChannel channel, Consumer<Watch> readable) {
        if (!open || channel == null) {
            return null;
        }
        try {
            Watch watch = new Watch(channel.register(selector, 0));
            watch.key().attach((Runnable) () -> readable.accept(watch));
            watch.again();
            return watch;
        } catch (IOException | CancelledKeyException | IllegalBlockingModeException | ClosedSelectorException
                | IllegalArgumentException e) {
            // closed already, or still registered from a stream before on the same connection: checked periodically
            return null;
        }
    }

    private void run() {
        while (open) {
            try {
                selector.select(ClientCloseWatch::report, SELECT_MILLIS);
            } catch (ClosedSelectorException e) {
                return;
            } catch (IOException | RuntimeException e) {
                log.warn("Watching event streams' connections failed once: {}", e.toString());
            }
        }
    }

    private static void report(SelectionKey key) {
        try {
            key.interestOps(0);
            ((Runnable) key.attachment()).run();
        } catch (CancelledKeyException e) {
            // the stream ended meanwhile
        }
    }

    @Override
    public void destroy() throws IOException {
        open = false;
        selector.close();
    }
}
