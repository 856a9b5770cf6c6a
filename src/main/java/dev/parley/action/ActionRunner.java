package dev.parley.action;

import dev.parley.action.ActionDefinition.Input;
import dev.parley.action.ActionDefinition.ResponseField;
import dev.parley.action.internal.ActionHttp;
import dev.parley.action.internal.ActionHttp.CallFailed;
import dev.parley.action.internal.ExecutionLog;
import dev.parley.action.internal.JsonPaths;
import dev.parley.action.internal.Templates;
import dev.parley.shared.Secrets;
import dev.parley.shared.ratelimit.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one action for one conversation: identity first, then inputs (asked one at a time), confirmation of a write,
 * the per-action rate limit, a write's idempotency key (it runs once), the guarded HTTP call, the response fields and
 * the answer. Every run that calls (or would call) the API is logged with masked values and counted.
 */
@Component
class ActionRunner {

    static final String MASK = "•••";
    private static final Logger log = LoggerFactory.getLogger(ActionRunner.class);

    private final ActionHttp http;
    private final ActionConnections connections;
    private final ExecutionLog executions;
    private final RateLimiter limiter;
    private final MeterRegistry meters;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    ActionRunner(ActionHttp http, ActionConnections connections, ExecutionLog executions, RateLimiter limiter,
            MeterRegistry meters, JsonMapper json, Clock clock, ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager) {
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.http = http;
        this.connections = connections;
        this.executions = executions;
        this.limiter = limiter;
        this.meters = meters;
        this.json = json;
        this.clock = clock;
    }

    ActionResult run(ActionDefinition action, ActionContext context) {
        if (action.needsIdentity() && context.customer() == null) {
            count(action, "identity_required");
            return ActionResult.identityRequired(action.name());
        }
        ActionInputs.Filling filling = ActionInputs.fill(action, context);
        if (filling.ask() != null) {
            return filling.ask();
        }
        Map<String, String> values = filling.values();
        if (action.needsConfirmation() && !context.confirmed()) {
            String question = action.confirmationQuestion() == null || action.confirmationQuestion().isBlank()
                    ? "Shall I go ahead: " + action.name() + "?" : Templates.text(action.confirmationQuestion(), values);
            return ActionResult.needsConfirmation(question);
        }
        String maskedInputs = masked(values, action.inputs().stream().filter(Input::redact).map(Input::name).toList());
        String key = action.risk() == ActionDefinition.Risk.WRITE && !context.mock()
                ? idempotencyKey(action, context, values) : null;
        Optional<UUID> started = executions.start(action.id(), action.name(), context.conversationId(), maskedInputs,
                key, context.mock(), clock.instant());
        if (started.isEmpty()) {
            return alreadyRun(action, key);
        }
        UUID executionId = started.get();
        if (!limiter.hit("action:" + action.id(), action.ratePerMinute(), Duration.ofMinutes(1)).isZero()) {
            return failed(action, executionId, "RATE_LIMITED", null, 0,
                    "more than " + action.ratePerMinute() + " calls in a minute", maskedInputs);
        }
        return call(action, context, values, executionId, key, maskedInputs);
    }

    private ActionResult call(ActionDefinition action, ActionContext context, Map<String, String> values,
            UUID executionId, String key, String maskedInputs) {
        long begin = System.nanoTime();
        ActionHttp.Response response;
        try {
            response = context.mock() ? new ActionHttp.Response(200, action.mockResponse())
                    : http.call(action.request().method(), URI.create(Templates.url(action.request().url(), values)),
                            headers(action, values, key), Templates.json(action.request().body(), values),
                            Duration.ofMillis(action.timeoutMillis()), action.maxResponseBytes());
        } catch (CallFailed e) {
            return failed(action, executionId, e.failure().name(), null, millisSince(begin), e.getMessage(), maskedInputs);
        } catch (IllegalArgumentException e) {
            return failed(action, executionId, "BAD_REQUEST", null, millisSince(begin), e.getMessage(), maskedInputs);
        }
        long latency = millisSince(begin);
        meters.timer("parley.actions.latency", "action", action.name()).record(Duration.ofMillis(latency));
        if (response.status() < 200 || response.status() >= 300) {
            return failed(action, executionId, "HTTP_ERROR", response.status(), latency,
                    "the API answered HTTP " + response.status(), maskedInputs);
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        try {
            JsonNode body = action.responseFields().isEmpty() ? null : json.readTree(response.body());
            for (ResponseField field : action.responseFields()) {
                Optional<String> value = JsonPaths.read(body, field.path());
                if (value.isEmpty() && field.required()) {
                    return failed(action, executionId, "UNMAPPABLE", response.status(), latency,
                            "the response has no " + field.path(), maskedInputs);
                }
                value.ifPresent(v -> outputs.put(field.name(), v));
            }
        } catch (RuntimeException e) {
            return failed(action, executionId, "UNMAPPABLE", response.status(), latency,
                    "the response is not the JSON expected", maskedInputs);
        }
        Map<String, String> all = new LinkedHashMap<>(values);
        all.putAll(outputs);
        String answer = Templates.text(action.answerTemplate(), all);
        String maskedOutputs = masked(outputs, action.responseFields().stream().filter(ResponseField::redact)
                .map(ResponseField::name).toList());
        finish(action, executionId, "SUCCEEDED", response.status(), latency, null, null, maskedOutputs,
                maskedAnswer(answer, action, values, outputs));
        count(action, "succeeded");
        return new ActionResult(ActionResult.Status.SUCCEEDED, answer, null, null, null, null, Map.copyOf(outputs),
                executionId);
    }

    private Map<String, String> headers(ActionDefinition action, Map<String, String> values, String key) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (action.request().headers() != null) {
            action.request().headers().forEach((name, template) -> headers.put(name, Templates.header(template, values)));
        }
        if (action.connection() != null && !action.connection().isBlank()) {
            headers.putAll(connections.authorization(action.connection()));
        }
        if (key != null) {
            headers.put("Idempotency-Key", key);
        }
        return headers;
    }

    private ActionResult alreadyRun(ActionDefinition action, String key) {
        ActionExecution previous = executions.byIdempotencyKey(key).orElseThrow();
        if ("SUCCEEDED".equals(previous.status())) {
            count(action, "deduplicated");
            return new ActionResult(ActionResult.Status.SUCCEEDED, previous.answer(), null, null, null, null, Map.of(),
                    previous.id());
        }
        return new ActionResult(ActionResult.Status.FAILED, null, null, null, null, "The action '" + action.name()
                + "' was already tried with the same details (" + previous.status().toLowerCase()
                + (previous.errorType() == null ? "" : ", " + previous.errorType())
                + "); it is not repeated automatically so that it cannot run twice. Check its log before retrying.",
                Map.of(), previous.id());
    }

    /** Finishes the log row and tells listeners (analytics) in the same transaction, so neither goes without the other. */
    private void finish(ActionDefinition action, UUID executionId, String status,
            Integer httpStatus, long latency, String errorType, String error, String outputs, String answer) {
        transactions.executeWithoutResult(tx -> {
            executions.finish(executionId, status, httpStatus, latency, errorType, error, outputs, answer);
            ExecutionLog.Finished row = executions.finished(executionId);
            events.publishEvent(new ActionExecuted(executionId, action.id(), action.name(), row.conversationId(),
                    "SUCCEEDED".equals(status), httpStatus, latency, errorType, row.mock(), clock.instant()));
        });
    }

    private ActionResult failed(ActionDefinition action, UUID executionId, String type, Integer status, long latency,
            String error, String maskedInputs) {
        finish(action, executionId, "FAILED", status, latency, type, error, null, null);
        count(action, "failed");
        meters.counter("parley.actions.failures", "action", action.name(), "type", type).increment();
        log.warn("Action '{}' failed ({}): {}", action.name(), type, error);
        String note = "The action '" + action.name() + "' failed (" + type + "): " + error + ". Request: "
                + action.request().method() + " " + action.request().url() + " with " + maskedInputs
                + ". The customer got no answer from it.";
        return new ActionResult(ActionResult.Status.FAILED, null, null, null, null, note, Map.of(), executionId);
    }

    static String maskedAnswer(String answer, ActionDefinition action, Map<String, String> values,
            Map<String, String> outputs) {
        String masked = answer;
        for (ResponseField field : action.responseFields()) {
            String value = outputs.get(field.name());
            if (field.redact() && value != null && !value.isBlank()) {
                masked = masked.replace(value, MASK);
            }
        }
        for (Input input : action.inputs()) {
            String value = values.get(input.name());
            if (input.redact() && value != null && !value.isBlank()) {
                masked = masked.replace(value, MASK);
            }
        }
        return masked;
    }

    private String masked(Map<String, String> values, java.util.List<String> redacted) {
        Map<String, String> shown = new LinkedHashMap<>();
        values.forEach((name, value) -> shown.put(name, redacted.contains(name) ? MASK : value));
        return json.writeValueAsString(shown);
    }

    private static String idempotencyKey(ActionDefinition action, ActionContext context, Map<String, String> values) {
        return Secrets.sha256Hex(action.id() + "|" + context.conversationId() + "|" + new TreeMap<>(values));
    }

    private void count(ActionDefinition action, String outcome) {
        meters.counter("parley.actions.executions", "action", action.name(), "outcome", outcome).increment();
    }

    private static long millisSince(long begin) {
        return (System.nanoTime() - begin) / 1_000_000;
    }
}
