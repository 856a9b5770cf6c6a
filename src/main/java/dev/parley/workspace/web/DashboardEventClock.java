package dev.parley.workspace.web;

import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.RealtimeEvent;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * When this node last heard an event for the dashboard, so that a page can be told whether one came between the
 * moment its data was read and the moment its live stream opened (those events are not sent again). Render and
 * hearing are both timed by the node's wall clock; a second's margin covers the page's own rendering and nodes
 * whose clocks differ a little. Erring means one list fetched again, never one missed.
 */
@Component
class DashboardEventClock implements SmartInitializingSingleton, DisposableBean {

    static final long MARGIN_MILLIS = 1_000;

    private final RealtimeBus bus;
    private final LongSupplier wallClock;
    /** A page rendered by another node before this one started may have missed anything. */
    private volatile long lastHeard;
    private AutoCloseable subscription;

    @Autowired
    DashboardEventClock(RealtimeBus bus) {
        this(bus, System::currentTimeMillis);
    }

    DashboardEventClock(RealtimeBus bus, LongSupplier wallClock) {
        this.bus = bus;
        this.wallClock = wallClock;
        this.lastHeard = wallClock.getAsLong();
    }

    @Override
    public void afterSingletonsInstantiated() {
        subscription = bus.subscribe(RealtimeEvent.AGENTS, event -> lastHeard = wallClock.getAsLong());
    }

    /** Whether an event may have been sent after {@code renderedAt} (epoch millis, this or another node's clock). */
    boolean heardSince(long renderedAt) {
        return lastHeard >= renderedAt - MARGIN_MILLIS;
    }

    @Override
    public void destroy() throws Exception {
        if (subscription != null) {
            subscription.close();
        }
    }
}
