package dev.parley.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The watch reports a connection whose client closed it, once per ask, and never a silent open one. */
class ClientCloseWatchTests {

    private final ClientCloseWatch watch = newWatch();
    private final ServerSocketChannel server = listen();

    @AfterEach
    void close() throws Exception {
        watch.destroy();
        server.close();
    }

    @Test
    void aClientThatClosesIsReportedAndOneThatStaysSilentIsNot() throws Exception {
        Semaphore leaving = new Semaphore(0);
        Semaphore staying = new Semaphore(0);
        try (Socket leaves = connect(); SocketChannel leavesHere = accept();
                Socket stays = connect(); SocketChannel staysHere = accept()) {
            java.util.List<ClientCloseWatch.Watch> told = new java.util.concurrent.CopyOnWriteArrayList<>();
            ClientCloseWatch.Watch left = watch.watch(leavesHere, readable -> {
                told.add(readable);
                leaving.release();
            });
            assertThat(watch.watch(staysHere, readable -> staying.release())).isNotNull();
            assertThat(leaving.tryAcquire(300, TimeUnit.MILLISECONDS)).as("reported before the close").isFalse();

            leaves.close();
            assertThat(leaving.tryAcquire(5, TimeUnit.SECONDS)).as("the close reported").isTrue();
            assertThat(told).as("the watch handed to the report").containsExactly(left);
            assertThat(leaving.tryAcquire(300, TimeUnit.MILLISECONDS)).as("reported again unasked").isFalse();
            left.again();
            assertThat(leaving.tryAcquire(5, TimeUnit.SECONDS)).as("reported again when asked").isTrue();
            left.end();
            assertThat(staying.tryAcquire(300, TimeUnit.MILLISECONDS)).as("the silent client reported").isFalse();
            assertThat(staysHere.isOpen()).isTrue();
        }
    }

    @Test
    void aChannelAlreadyClosedIsNotWatched() throws Exception {
        try (Socket client = connect(); SocketChannel here = accept()) {
            here.close();
            assertThat(watch.watch(here, readable -> { })).isNull();
            assertThat(watch.watch(null, readable -> { })).isNull();
        }
    }

    private Socket connect() throws Exception {
        return new Socket("127.0.0.1", ((InetSocketAddress) server.getLocalAddress()).getPort());
    }

    private SocketChannel accept() throws Exception {
        SocketChannel channel = server.accept();
        channel.configureBlocking(false); // as Jetty's connector keeps its connections
        return channel;
    }

    private static ServerSocketChannel listen() {
        try {
            return ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ClientCloseWatch newWatch() {
        try {
            return new ClientCloseWatch();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
