package dev.parley.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Decides whether a {@link RequiresService} test may run: skip locally, fail in CI. */
class ServiceCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        var annotation = AnnotationSupport.findAnnotation(context.getElement(), RequiresService.class);
        if (annotation.isEmpty()) {
            return ConditionEvaluationResult.enabled("no services required");
        }
        for (ExternalService service : annotation.get().value()) {
            if (!service.reachable()) {
                String message = service.label() + " is not reachable at " + service.address();
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    throw new IllegalStateException(message + " (CI=true: a required service must be up)");
                }
                System.err.println("WARNING: skipping " + context.getDisplayName() + ": " + message);
                return ConditionEvaluationResult.disabled(message);
            }
        }
        return ConditionEvaluationResult.enabled("services reachable");
    }
}
