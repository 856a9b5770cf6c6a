package dev.parley.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A module listener that calls something outside and waits for it (a mail server, a model, a customer's callback
 * URL, a provider's API): like {@code @ApplicationModuleListener} (after commit, off the caller's thread, its
 * publication recorded and retried when it throws), but without a transaction, so no database connection is held
 * while the other side answers, and each run on a virtual thread of its own ({@code parley.events.outbound-runs}
 * at once), so a server that hangs until its timeout holds up neither the module listeners' few threads nor other
 * outbound runs. Writes go through transactional services, each its own short transaction.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Async(OutboundListener.EXECUTOR)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@TransactionalEventListener
public @interface OutboundListener {

    /** The bean name of the executor outbound listeners run on. */
    String EXECUTOR = "outboundListeners";

    /** As {@code @ApplicationModuleListener}'s: events it is false for get no publication and no run. */
    @AliasFor(annotation = TransactionalEventListener.class, attribute = "condition")
    String condition() default "";
}
