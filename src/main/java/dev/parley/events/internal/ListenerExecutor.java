package dev.parley.events.internal;

import dev.parley.events.EventSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs every {@code @Async} method, which in Parley means module listeners, on a fixed number of threads
 * ({@code parley.events.listener-threads}) with an unbounded queue. A listener is handed over right after the
 * publishing transaction commits, while that thread still holds its database connection: handing over never
 * blocks and never runs the listener on the caller (a full queue would otherwise hold a request's connection while
 * it waits for listeners that wait for connections). The fixed size keeps listeners from taking the connections
 * requests need; the queue starts them in publication order. What is queued when the node stops is not lost: its
 * publications stay incomplete and are resubmitted.
 */
@Component
class ListenerExecutor implements AsyncConfigurer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ListenerExecutor.class);

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    ListenerExecutor(EventSettings settings, MeterRegistry meters) {
        executor.setCorePoolSize(settings.listenerThreads());
        executor.setMaxPoolSize(settings.listenerThreads());
        executor.setThreadNamePrefix("listener-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
        Gauge.builder("parley.events.listeners.queued", executor,
                        e -> e.getThreadPoolExecutor().getQueue().size())
                .description("Module listener runs waiting for a thread").register(meters);
        Gauge.builder("parley.events.listeners.active", executor, ThreadPoolTaskExecutor::getActiveCount)
                .description("Module listener runs in progress").register(meters);
    }

    @Override
    public Executor getAsyncExecutor() {
        return executor;
    }

    /** A listener that threw: its publication is marked failed and run again later; the log says so. */
    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return (failure, method, arguments) -> log.error("Module listener {}.{} failed; it is run again every"
                        + " parley.events.resubmit-interval until it succeeds (counted in parley_events_failed)",
                method.getDeclaringClass().getSimpleName(), method.getName(), failure);
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
