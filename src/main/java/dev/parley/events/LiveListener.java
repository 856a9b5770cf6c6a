package dev.parley.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A module listener for live pushes: like {@code @ApplicationModuleListener} (after commit, off the caller's thread,
 * its publication recorded and retried when it fails), but without a transaction and on its own small executor
 * ({@code parley.events.live-threads}), so a push never waits in line behind slower listeners (analytics, mail,
 * delivery) when those fall behind under load. Only for listeners that are quick and need no database connection,
 * or at most one short read.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Async(LiveListener.EXECUTOR)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@TransactionalEventListener
public @interface LiveListener {

    /** The bean name of the executor live listeners run on. */
    String EXECUTOR = "liveListeners";
}
