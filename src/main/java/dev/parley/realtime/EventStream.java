package dev.parley.realtime;

import dev.parley.realtime.internal.ClientConnection;
import dev.parley.realtime.internal.SerialSender;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's Server-Sent Events connection to a topic. It subscribes first and only then loads the
 * backlog after the client's cursor, so nothing committed in between is missed; message events at or
 * below the last sent cursor are dropped, so nothing is sent twice. Sends happen in order on a virtual thread of
 * the connection's own while it has something to send, so a slow client never blocks whoever published.
 */
public final class EventStream {

    private final SseEmitter emitter;
    private final SerialSender sender = new SerialSender();
    private volatile long lastSeq;
    private volatile boolean closed;
    private AutoCloseable subscription;
    private final String topic;
    private final ClientConnection client;
    private volatile Runnable onHeartbeat = () -> { };
    private final List<Runnable> onClose = new CopyOnWriteArrayList<>();

    private EventStream(String topic, SseEmitter emitter, long cursor, ClientConnection client) {
        this.topic = topic;
        this.client = client;
        this.emitter = emitter;
        this.lastSeq = cursor;
    }

    /**
     * Opens a stream on {@code topic}; {@code backlog} is asked for the events after {@code cursor}
     * once the subscription is in place.
     */
    static EventStream open(RealtimeBus bus, String topic, long cursor, long timeoutMillis,
            Supplier<List<RealtimeEvent>> backlog, ClientConnection client) {
        EventStream stream = new EventStream(topic, new SseEmitter(timeoutMillis), cursor, client);
        CountDownLatch subscribed = new CountDownLatch(1);
        stream.sender.execute(() -> {
            awaitQuietly(subscribed);
            // nothing is written while the request's own thread may still touch the response in the filters
            client.awaitDispatchEnd();
            // An immediate first line commits the response headers, so clients know they are connected.
            stream.send(SseEmitter.event().comment("connected"));
            if (!stream.closed) { // a client gone before its backlog was read reads nothing
                backlog.get().forEach(stream::write);
            }
        });
        stream.subscription = bus.subscribe(topic, stream::offer);
        subscribed.countDown();
        stream.emitter.onCompletion(stream::close);
        stream.emitter.onTimeout(stream::close);
        stream.emitter.onError(error -> stream.close());
        return stream;
    }

    public String topic() {
        return topic;
    }

    ClientConnection client() {
        return client;
    }

    public SseEmitter emitter() {
        return emitter;
    }

    /** Sends a comment line so proxies keep the connection open and dead clients are noticed. */
    public void heartbeat() {
        if (!closed) {
            try {
                sender.execute(() -> {
                    send(SseEmitter.event().comment("keep-alive"));
                    if (!closed) {
                        onHeartbeat.run();
                    }
                });
            } catch (RejectedExecutionException e) {
                // closed in between (now also by the close check): not a reason to stop the other streams' heartbeats
            }
        }
    }

    /**
     * Ends the stream if its client has closed the connection, found without writing to it. Asked on the calling
     * thread and only while nothing is being sent, so it never overlaps a write; a busy stream is asked next time.
     *
     * @return whether the client looked gone for the first time, so that asking again soon may end the stream
     */
    boolean checkClient() {
        boolean asked = sender.runIfIdle(() -> {
            if (!closed && client.closed()) {
                close();
            }
        });
        return asked && !closed && client.lookedGone(); // asked on this thread, so read on it
    }

    /** Runs after every heartbeat that reached the client, e.g. to keep an agent's presence fresh. */
    public EventStream onHeartbeat(Runnable action) {
        this.onHeartbeat = action;
        return this;
    }

    /** Runs {@code action} once when the stream closes, however it closes (at once if it already has). */
    public EventStream onClose(Runnable action) {
        AtomicBoolean ran = new AtomicBoolean();
        Runnable once = () -> {
            if (ran.compareAndSet(false, true)) {
                action.run();
            }
        };
        onClose.add(once);
        if (closed) {
            once.run();
        }
        return this;
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Finds out now whether the client is still there: a client that went away is only noticed when a write fails,
     * and the first write after a close may still be accepted, so two comment lines are sent; waits up to
     * {@code timeoutMillis}. @return whether the stream is still open
     */
    public boolean probe(long timeoutMillis) {
        if (closed) {
            return false;
        }
        try {
            Future<?> sent = sender.submit(() -> {
                send(SseEmitter.event().comment("probe"));
                sleepQuietly(20);
                send(SseEmitter.event().comment("probe"));
            });
            sent.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException | java.util.concurrent.ExecutionException
                | TimeoutException e) {
            // a sender that is shut down or stuck: judged by closed below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !closed;
    }

    void offer(RealtimeEvent event) {
        if (!closed) {
            sender.execute(() -> write(event));
        }
    }

    private void write(RealtimeEvent event) {
        if (event.seq() > 0) {
            if (event.seq() <= lastSeq) {
                return;
            }
            lastSeq = event.seq();
        }
        SseEmitter.SseEventBuilder builder = SseEmitter.event().name(event.type())
                .data(event.data(), MediaType.APPLICATION_JSON);
        if (event.seq() > 0) {
            builder.id(Long.toString(event.seq()));
        }
        send(builder);
    }

    private void send(SseEmitter.SseEventBuilder event) {
        if (closed) {
            return;
        }
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            close();
        }
    }

    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (subscription != null) {
                subscription.close();
            }
        } catch (Exception ignored) {
            // closing a local subscription cannot fail in a way worth reporting
        }
        sender.shutdown();
        try {
            emitter.complete();
        } catch (IllegalStateException ignored) {
            // already completed by the container
        }
        onClose.forEach(Runnable::run);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
