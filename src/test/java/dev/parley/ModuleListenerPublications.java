package dev.parley;

import java.util.List;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationListenerMethodAdapter;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalApplicationListener;

/**
 * The module listeners an event would get a durable event publication for, decided the way Spring Modulith's
 * registry decides at publication: listeners after the commit whose event type and condition match.
 */
public final class ModuleListenerPublications {

    private ModuleListenerPublications() {
    }

    /** As {@code Class.method}, e.g. {@code SlaListeners.on}, one per listener method that would be registered. */
    public static List<String> registeredFor(ConfigurableApplicationContext context, Object payload) {
        PayloadApplicationEvent<Object> event = new PayloadApplicationEvent<>(context, payload);
        ResolvableType type = ResolvableType.forClassWithGenerics(PayloadApplicationEvent.class, payload.getClass());
        return ((AbstractApplicationContext) context).getApplicationListeners().stream()
                .filter(ModuleListenerPublications::persisted)
                .map(ApplicationListenerMethodAdapter.class::cast)
                .filter(listener -> listener.supportsEventType(type) && listener.shouldHandle(event))
                .map(listener -> shortName(listener.getListenerId()))
                .toList();
    }

    private static boolean persisted(ApplicationListener<?> listener) {
        return listener instanceof ApplicationListenerMethodAdapter
                && listener instanceof TransactionalApplicationListener<?> transactional
                && transactional.getTransactionPhase() == TransactionPhase.AFTER_COMMIT;
    }

    private static String shortName(String listenerId) {
        String method = listenerId.substring(0, listenerId.indexOf('('));
        String[] parts = method.split("\\.");
        return parts[parts.length - 2] + "." + parts[parts.length - 1];
    }
}
