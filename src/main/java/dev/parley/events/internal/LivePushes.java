package dev.parley.events.internal;

import dev.parley.events.LiveListener;
import dev.parley.shared.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;

/**
 * Runs a {@link LiveListener} call after the caller's commit on the live executor, and again after a pause when it
 * throws, at most {@link #RETRIES} times; a push that still fails is logged and counted
 * ({@code parley.events.live.failed}), as by then the streams it was for have read it from the transcript or gone.
 */
class LivePushes implements MethodInterceptor {

    /** The pauses before the second, third and fourth attempt. */
    static final List<Duration> RETRIES = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(30));

    private static final Logger log = LoggerFactory.getLogger(LivePushes.class);

    private final Executor executor;
    private final MeterRegistry meters;
    private final List<Duration> pauses;

    /** Both may be lazy proxies: the advice exists before the beans it is applied to (and these) are made. */
    LivePushes(Executor executor, MeterRegistry meters, List<Duration> pauses) {
        this.executor = executor;
        this.meters = meters;
        this.pauses = List.copyOf(pauses);
    }

    /** The advice on every {@link LiveListener} method. */
    static DefaultPointcutAdvisor advisor(Executor executor, MeterRegistry meters, List<Duration> pauses) {
        return new DefaultPointcutAdvisor(AnnotationMatchingPointcut.forMethodAnnotation(LiveListener.class),
                new LivePushes(executor, meters, pauses));
    }

    /** {@code invocation} stays where it is in its chain (it is not proceeded here), so attempts copy it as it is. */
    @Override
    public Object invoke(MethodInvocation invocation) {
        AfterCommit.run(() -> handOver(executor, () -> attempt(invocation, 0)));
        return null;
    }

    private void attempt(MethodInvocation call, int failures) {
        try {
            pristine(call).proceed(); // a fresh copy each time: proceeding moves an invocation along its chain
        } catch (Throwable e) {
            String listener = call.getMethod().getDeclaringClass().getSimpleName() + "." + call.getMethod().getName();
            if (failures >= pauses.size()) {
                Counter.builder("parley.events.live.failed").description("Live pushes that failed on every attempt")
                        .register(meters).increment();
                log.error("Live push {} failed {} times; giving up", listener, failures + 1, e);
                return;
            }
            Duration pause = pauses.get(failures);
            log.warn("Live push {} failed, trying again in {} ms: {}", listener, pause.toMillis(), e.toString());
            CompletableFuture.delayedExecutor(pause.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> handOver(executor, () -> attempt(call, failures + 1)));
        }
    }

    private static MethodInvocation pristine(MethodInvocation invocation) {
        return invocation instanceof ProxyMethodInvocation proxied ? proxied.invocableClone() : invocation;
    }

    /** A node that is stopping refuses new work; its streams close with it, so the push is dropped, not thrown. */
    private static void handOver(Executor to, Runnable push) {
        try {
            to.execute(push);
        } catch (RejectedExecutionException e) {
            log.warn("Live push dropped: the node is stopping ({})", e.toString());
        }
    }
}
