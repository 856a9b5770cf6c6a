package dev.parley.realtime.internal;

import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.RealtimeEvent;
import java.util.function.Consumer;

/** The bus of a single node: publishing dispatches straight to local subscribers. */
public class LocalRealtimeBus implements RealtimeBus {

    private final LocalDispatcher dispatcher;

    public LocalRealtimeBus(LocalDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void publish(RealtimeEvent event) {
        dispatcher.dispatch(event);
    }

    @Override
    public AutoCloseable subscribe(String topic, Consumer<RealtimeEvent> listener) {
        return dispatcher.subscribe(topic, listener);
    }
}
