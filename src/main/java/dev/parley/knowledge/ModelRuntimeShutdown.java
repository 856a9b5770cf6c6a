package dev.parley.knowledge;

import dev.parley.engine.runtime.NativeModelGate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import sun.misc.Signal;

/**
 * Stops the application before ONNX Runtime frees its native environment. The runtime frees it in a JVM shutdown
 * hook, and the JVM starts all hooks at once, Spring's graceful shutdown among them: an index rebuild, encoder
 * tuning or a batch still embedding then ran into freed memory and the JVM died with SIGSEGV (issue 17). So a
 * SIGTERM or SIGINT first closes the application (requests finish, the indexer and tuning stop), then closes the
 * native gate and waits for the calls still running, and only then lets the JVM exit and run the hooks.
 */
public final class ModelRuntimeShutdown {

    /** How long the native calls left after the application closed may take (one batch, one tuning step). */
    static final Duration DRAIN = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(ModelRuntimeShutdown.class);
    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    private ModelRuntimeShutdown() {
    }

    /**
     * The listener that installs the handlers once the context is prepared (a stop during start-up is handled in order
     * too). A class with its event type in its signature: Spring cannot read the type of a lambda listener, so it
     * would call one with every event the application ever publishes, each answered by a ClassCastException that
     * Spring catches (thousands a minute under load, each with its stack trace).
     */
    public static ApplicationListener<ApplicationPreparedEvent> installer() {
        return new Installer();
    }

    private static final class Installer implements ApplicationListener<ApplicationPreparedEvent> {

        @Override
        public void onApplicationEvent(ApplicationPreparedEvent prepared) {
            onSignals(prepared.getApplicationContext());
        }
    }

    /** Handles SIGTERM and SIGINT for {@code context} (call once, from {@code main}). */
    public static void onSignals(ConfigurableApplicationContext context) {
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (STOPPING.compareAndSet(false, true)) {
                        log.info("SIG{}: stopping the application, then the embedding runtime", signal.getName());
                        // not a daemon: once the web server's threads are gone the JVM would otherwise exit on its
                        // own (running the hooks) while this still waits for the native calls
                        Thread.ofPlatform().name("ordered-stop").daemon(false).start(() -> {
                            stopInOrder(context::close, NativeModelGate.runtime(), DRAIN);
                            System.exit(128 + signal.getNumber());
                        });
                    }
                });
            } catch (IllegalArgumentException e) {
                // -Xrs or a signal the platform reserves: the JVM's own handling stays
                log.warn("Cannot handle SIG{} ({}); a stop while the model embeds may crash the JVM", name,
                        e.getMessage());
            }
        }
    }

    /**
     * Closes the application while the model still works (work under way finishes with it), then refuses new
     * native calls and waits up to {@code drain} for the running ones.
     */
    static void stopInOrder(Runnable closeApplication, NativeModelGate gate, Duration drain) {
        try {
            closeApplication.run();
        } catch (RuntimeException e) {
            log.warn("Closing the application failed; stopping the embedding runtime anyway", e);
        } finally {
            if (!gate.close(drain)) {
                log.warn("{} call(s) into the embedding runtime still running after {}", gate.running(), drain);
            }
        }
    }
}
