package dev.parley.assistant.llm;

import dev.parley.conversation.CustomerMessageAdmission;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Wraps a provider with retries (429/5xx/timeouts, backing off exponentially or as long as
 * {@code Retry-After} says) around a circuit breaker that stops calling a provider that keeps failing.
 * A stream is only retried while nothing has been shown yet. The call runs aside from the customer message's
 * admission slot ({@link CustomerMessageAdmission#stepAside}).
 */
final class ResilientProvider implements LlmProvider {

    private final LlmProvider delegate;
    private final LlmSettings.Resilience settings;
    private final CircuitBreaker breaker;

    ResilientProvider(LlmProvider delegate, LlmSettings.Resilience settings) {
        this.delegate = delegate;
        this.settings = settings;
        this.breaker = CircuitBreaker.of("llm-" + delegate.id(), CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .waitDurationInOpenState(settings.openDuration())
                .recordException(e -> e instanceof LlmException failure && failure.kind() != LlmException.Kind.REJECTED)
                .build());
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public String model() {
        return delegate.model();
    }

    CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        return call(() -> delegate.complete(request), e -> true);
    }

    @Override
    public LlmResponse stream(LlmRequest request, Consumer<String> onDelta) {
        var shown = new AtomicBoolean();
        Consumer<String> tracking = delta -> {
            shown.set(true);
            onDelta.accept(delta);
        };
        return call(() -> delegate.stream(request, tracking), e -> !shown.get());
    }

    private LlmResponse call(Supplier<LlmResponse> attempt, Predicate<Throwable> mayRetry) {
        Retry retry = Retry.of("llm-" + delegate.id(), RetryConfig.<LlmResponse>custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(e -> worthRetrying(e) && mayRetry.test(e))
                .intervalBiFunction(backoff())
                .failAfterMaxAttempts(false)
                .build());
        Supplier<LlmResponse> guarded = CircuitBreaker.decorateSupplier(breaker, attempt);
        try {
            // the customer message's admission slot is for this node's work, not for waiting on the provider
            return CustomerMessageAdmission.stepAside(Retry.decorateSupplier(retry, guarded));
        } catch (CallNotPermittedException open) {
            throw new LlmException(LlmException.Kind.CIRCUIT_OPEN,
                    "provider " + delegate.id() + " is failing; calls are paused", null, open);
        }
    }

    private boolean worthRetrying(Throwable e) {
        if (!(e instanceof LlmException failure) || !failure.retryable()) {
            return false;
        }
        return failure.retryAfter().map(wait -> wait.compareTo(settings.maxRetryAfter()) <= 0).orElse(true);
    }

    private IntervalBiFunction<LlmResponse> backoff() {
        return (attempt, outcome) -> {
            if (outcome.isLeft() && outcome.getLeft() instanceof LlmException failure
                    && failure.retryAfter().isPresent()) {
                return failure.retryAfter().get().toMillis();
            }
            long exponential = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 16);
            return Math.min(exponential, settings.maxBackoff().toMillis());
        };
    }
}
