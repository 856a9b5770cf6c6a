package dev.parley.inbox.web;

import dev.parley.identity.AgentPrincipal;
import dev.parley.inbox.InboxSettings;
import dev.parley.inbox.internal.Presence;
import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.RealtimeEvent;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboard's live stream: every event on the agents' topic, as Server-Sent Events. One virtual thread per
 * connection sends events in order and a heartbeat comment when idle; the heartbeat also keeps the agent online.
 * A tab that cannot keep up loses its stream (and reconnects) instead of slowing the publisher down.
 */
@Controller
class DashboardEvents {

    private static final Logger log = LoggerFactory.getLogger(DashboardEvents.class);
    private static final int BUFFER = 1000;

    private final RealtimeBus bus;
    private final Presence presence;
    private final InboxSettings settings;

    DashboardEvents(RealtimeBus bus, Presence presence, InboxSettings settings) {
        this.bus = bus;
        this.presence = presence;
        this.settings = settings;
    }

    @GetMapping(path = "/dashboard/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@AuthenticationPrincipal AgentPrincipal me) {
        SseEmitter emitter = new SseEmitter(settings.streamTimeout().toMillis());
        BlockingQueue<RealtimeEvent> pending = new LinkedBlockingQueue<>(BUFFER);
        AtomicBoolean open = new AtomicBoolean(true);
        AutoCloseable subscription = bus.subscribe(RealtimeEvent.AGENTS, event -> {
            if (!pending.offer(event)) {
                open.set(false);
            }
        });
        Runnable close = () -> {
            open.set(false);
            try {
                subscription.close();
            } catch (Exception e) {
                log.debug("Closing a dashboard subscription failed: {}", e.toString());
            }
        };
        emitter.onCompletion(close);
        emitter.onTimeout(() -> {
            close.run();
            emitter.complete();
        });
        emitter.onError(error -> close.run());
        presence.seen(me.id());
        Thread.ofVirtual().name("dashboard-events-" + me.id()).start(() -> stream(me, emitter, pending, open, close));
        return emitter;
    }

    private void stream(AgentPrincipal me, SseEmitter emitter, BlockingQueue<RealtimeEvent> pending,
            AtomicBoolean open, Runnable close) {
        try {
            emitter.send(SseEmitter.event().name("ready").data("{}", MediaType.APPLICATION_JSON));
            while (open.get()) {
                RealtimeEvent event = pending.poll(settings.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
                if (event == null) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                    presence.seen(me.id());
                } else {
                    emitter.send(SseEmitter.event().name(event.type()).data(event.data(), MediaType.APPLICATION_JSON));
                }
            }
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            log.debug("Dashboard stream of {} ended: {}", me.email(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close.run();
        }
    }
}
