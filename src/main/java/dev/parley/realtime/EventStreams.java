package dev.parley.realtime;

import dev.parley.cluster.RunsOnEveryNode;
import dev.parley.realtime.internal.ClientCloseWatch;
import dev.parley.realtime.internal.ClientConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Opens Server-Sent Events streams on topics and keeps them alive: a comment every 20 seconds keeps proxies from
 * closing idle connections and lets dead clients be noticed and dropped; a client that closed its connection is
 * noticed at once, from its socket ({@link ClientCloseWatch}), or within a second where the socket cannot be watched
 * (then each such stream is asked twice a second). The heartbeats are spread over the 20 seconds: a two-hundredth of
 * the streams get theirs every tenth of a second, so 10,000 streams never take the node's carrier threads for a burst
 * of 10,000 writes that requests then wait behind (docs/benchmarks.md).
 */
@Component
public class EventStreams implements SmartLifecycle {

    private static final long TIMEOUT_MILLIS = 30 * 60 * 1000L;
    /**
     * Backlogs read from the database at once. When thousands of widgets reconnect together (a node restarted), each
     * reads its backlog; unbounded, those reads took every pooled connection for about 20 s with 10,000 streams, and
     * requests waited behind them (docs/benchmarks.md). Live events for a stream whose backlog waits queue behind it.
     */
    static final int CONCURRENT_BACKLOG_LOADS = 4;
    /** Heartbeat rounds per interval: one round every 100 ms, each stream's turn every 20 seconds. */
    static final int HEARTBEAT_ROUNDS = 200;
    /** The second read of a client that looked gone. */
    static final long CONFIRM_AFTER_MILLIS = 100;
    /**
     * Asks of a stream whose socket became readable: the first may only arm its connection, a close counts when two
     * in a row find it, and a stream that is sending is asked again after the pause.
     */
    static final int ASKS_WHEN_READABLE = 4;

    private final RealtimeBus bus;
    private final ClientCloseWatch closeWatch;
    /** Streams whose connection {@link #closeWatch} cannot watch: the periodic check asks these, and only these. */
    private final Set<EventStream> unwatched = ConcurrentHashMap.newKeySet();
    /**
     * Open streams by the heartbeat round each has its turn in (given in turn, so streams opened together spread): a
     * round touches its own streams, a two-hundredth of them, not every stream. The connection gauge counts them all.
     */
    private final List<Set<EventStream>> rounds = java.util.stream.Stream
            .<Set<EventStream>>generate(ConcurrentHashMap::newKeySet).limit(HEARTBEAT_ROUNDS).toList();
    private final AtomicInteger nextRound = new AtomicInteger();
    private final AtomicLong heartbeatRound = new AtomicLong();
    private final Semaphore backlogLoads = new Semaphore(CONCURRENT_BACKLOG_LOADS, true);
    private volatile boolean running;

    EventStreams(RealtimeBus bus, ClientCloseWatch closeWatch) {
        this.bus = bus;
        this.closeWatch = closeWatch;
    }

    /** Opens a stream; {@code backlog} supplies the events after {@code cursor} the client missed. */
    public EventStream open(String topic, long cursor, Supplier<List<RealtimeEvent>> backlog) {
        EventStream stream = EventStream.open(bus, topic, cursor, TIMEOUT_MILLIS, () -> loadInTurn(backlog),
                ClientConnection.ofCurrentRequest());
        int round = Math.floorMod(nextRound.getAndIncrement(), HEARTBEAT_ROUNDS);
        rounds.get(round).add(stream);
        // counted out the moment it closes, not at its next heartbeat (the connection gauge reads the rounds)
        stream.onClose(() -> rounds.get(round).remove(stream));
        watchClient(stream);
        return stream;
    }

    private void watchClient(EventStream stream) {
        ClientCloseWatch.Watch watch = closeWatch.watch(stream.client().channel(),
                readable -> Thread.ofVirtual().name("event-stream-check").start(() -> askReadable(stream, readable)));
        if (watch != null) {
            stream.onClose(watch::end);
        } else {
            unwatched.add(stream);
            stream.onClose(() -> unwatched.remove(stream));
        }
    }

    /** The stream's socket has something to read: its client most likely closed the connection. */
    private void askReadable(EventStream stream, ClientCloseWatch.Watch watch) {
        for (int ask = 0; ask < ASKS_WHEN_READABLE && !stream.isClosed(); ask++) {
            if (ask > 0 && !pause()) {
                return;
            }
            stream.checkClient();
        }
        if (!stream.isClosed()) {
            watch.again(); // a stream busy sending the whole time, or a read that raced: watched as before
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(CONFIRM_AFTER_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<RealtimeEvent> loadInTurn(Supplier<List<RealtimeEvent>> backlog) {
        try {
            backlogLoads.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        try {
            return backlog.get();
        } finally {
            backlogLoads.release();
        }
    }

    @Scheduled(fixedDelay = 20_000 / HEARTBEAT_ROUNDS)
    @RunsOnEveryNode("keeps this node's open streams alive and drops its closed ones")
    void heartbeat() {
        Set<EventStream> due = rounds.get((int) (heartbeatRound.getAndIncrement() % HEARTBEAT_ROUNDS));
        due.forEach(stream -> { // drops the closed ones too
            if (stream.isClosed()) {
                due.remove(stream);
            } else {
                stream.heartbeat();
            }
        });
    }

    /**
     * Ends, within a second, the streams whose clients closed their connections where the socket is not watched (see
     * {@link ClientCloseWatch}), without writing to them: one non-blocking read per idle stream on this thread (see
     * {@link ClientConnection}), where finding out by writing takes two writes. Twice a second; a close counts when
     * two reads in a row find it, so the streams a sweep finds closed are read again {@value #CONFIRM_AFTER_MILLIS}
     * ms later, not at the next sweep: 0.1-0.6 s after the close, plus a sweep (tens of ms at 10,000 streams). The
     * sweeps cost a few percent of one core at 10,000 streams (docs/benchmarks.md); the job waits on a thread of its
     * own (ADR 0036).
     */
    @Scheduled(fixedDelay = 500)
    @RunsOnEveryNode("this node's streams are watched where their connections are")
    void watchClients() {
        List<EventStream> lookedGone = new ArrayList<>();
        unwatched.forEach(stream -> {
            if (stream.checkClient()) {
                lookedGone.add(stream);
            }
        });
        if (!lookedGone.isEmpty() && pause()) {
            lookedGone.forEach(EventStream::checkClient);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every open stream before the web server's graceful shutdown begins (a higher phase stops
     * first), so long-lived streams never hold shutdown up; clients reconnect to another node.
     */
    @Override
    public void stop() {
        running = false;
        allStreams().forEach(EventStream::close);
        rounds.forEach(Set::clear);
        unwatched.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Open streams whose client's connection is watched for a close (for tests and diagnosis). */
    public int watchedStreams() {
        return (int) allStreams().filter(s -> !s.isClosed() && !unwatched.contains(s)).count();
    }

    /** Open streams whose topic starts with the prefix (for metrics). */
    public long openStreams(String topicPrefix) {
        return allStreams().filter(s -> !s.isClosed() && s.topic().startsWith(topicPrefix)).count();
    }

    private java.util.stream.Stream<EventStream> allStreams() {
        return rounds.stream().flatMap(Set::stream);
    }
}
