package dev.parley.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.event.EventListener;

/**
 * A listener for live pushes (server-sent events to open widgets and dashboards): it runs after the publishing
 * transaction commits (never if it rolls back; at once where there is none), off the caller's thread, without a
 * transaction, on a small executor of its own ({@code parley.events.live-threads}), so a push never waits in line
 * behind slower module listeners (analytics, mail, delivery). Unlike a module listener it leaves no event
 * publication behind: a push concerns the streams open now, so it is retried a few times in memory when it fails
 * (ADR 0040), not after a restart. Only for listeners that are quick and need no database connection, or at most one
 * short read, and whose effect something durable covers (the transcript a stream reads on reconnect, the delivery).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@EventListener
public @interface LiveListener {

    /** The bean name of the executor live listeners run on. */
    String EXECUTOR = "liveListeners";
}
