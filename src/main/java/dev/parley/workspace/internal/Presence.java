package dev.parley.workspace.internal;

import dev.parley.workspace.PresenceStatus;
import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.RealtimeEvent;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Online, away, offline. An agent is online while a dashboard tab is connected (or they say so), becomes away
 * automatically when no tab has been connected for a while, and offline later still; going offline releases
 * their conversations to the queue. A status the agent chose themselves is never overridden by a tab.
 */
@Component
public class Presence {

    private final PresenceRepository presence;
    private final Assigner assigner;
    private final RealtimeBus bus;
    private final TransactionTemplate tx;
    private final Clock clock;

    Presence(PresenceRepository presence, Assigner assigner, RealtimeBus bus, TransactionTemplate tx, Clock clock) {
        this.presence = presence;
        this.assigner = assigner;
        this.bus = bus;
        this.tx = tx;
        this.clock = clock;
    }

    public PresenceStatus of(UUID agentId) {
        return presence.find(agentId).map(PresenceRepository.Row::status).orElse(PresenceStatus.OFFLINE);
    }

    /** The agent chose a status in the dashboard. */
    public void choose(UUID agentId, PresenceStatus status) {
        change(agentId, status, status != PresenceStatus.ONLINE);
    }

    public void signedIn(UUID agentId) {
        change(agentId, PresenceStatus.ONLINE, false);
    }

    public void signedOut(UUID agentId) {
        change(agentId, PresenceStatus.OFFLINE, false);
    }

    /** A dashboard tab connected or is still connected: online, unless the agent chose otherwise. */
    public void seen(UUID agentId) {
        var row = presence.find(agentId);
        if (row.isPresent() && (row.get().status() == PresenceStatus.ONLINE || row.get().manual())) {
            tx.executeWithoutResult(s -> presence.seen(agentId, clock.instant()));
            return;
        }
        change(agentId, PresenceStatus.ONLINE, false);
    }

    /** Applied by the sweep: no tab for a while. Only moves agents whose status is still what was checked. */
    void becameAway(UUID agentId) {
        if (Boolean.TRUE.equals(tx.execute(s -> presence.transition(agentId, PresenceStatus.ONLINE, PresenceStatus.AWAY,
                clock.instant())))) {
            announce(agentId, PresenceStatus.AWAY);
        }
    }

    void becameOffline(UUID agentId) {
        if (Boolean.TRUE.equals(tx.execute(s -> presence.transition(agentId, PresenceStatus.AWAY, PresenceStatus.OFFLINE,
                clock.instant())))) {
            announce(agentId, PresenceStatus.OFFLINE);
            assigner.release(agentId);
        }
    }

    /**
     * Applied by the away release: the agent has been away since before {@code cutoff}. Their open conversations go
     * back to the queue once per away period (one node does it; a supervisor may assign them work again afterwards).
     */
    void awayTooLong(UUID agentId, java.time.Instant cutoff) {
        if (Boolean.TRUE.equals(tx.execute(s -> presence.markReleased(agentId, cutoff, clock.instant())))) {
            assigner.release(agentId);
        }
    }

    private void change(UUID agentId, PresenceStatus status, boolean manual) {
        PresenceStatus before = of(agentId);
        tx.executeWithoutResult(s -> presence.set(agentId, status, manual, clock.instant()));
        if (before != status) {
            announce(agentId, status);
        }
        if (status == PresenceStatus.OFFLINE && before != PresenceStatus.OFFLINE) {
            assigner.release(agentId);
        } else if (status == PresenceStatus.ONLINE) {
            assigner.drain();
        }
    }

    private void announce(UUID agentId, PresenceStatus status) {
        bus.publish(new RealtimeEvent(RealtimeEvent.AGENTS, "presence", 0,
                Map.of("agentId", agentId, "status", status.name())));
    }
}
