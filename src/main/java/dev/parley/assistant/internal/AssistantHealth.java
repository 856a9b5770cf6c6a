package dev.parley.assistant.internal;

import dev.parley.assistant.AssistantReadiness;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The "assistant" health indicator, in the readiness group only (application.yml): DOWN while the assistant is
 * still loading after a start, so no traffic is routed to an instance that would hand every question over.
 */
@Component("assistant")
class AssistantHealth implements HealthIndicator {

    private final AssistantReadiness readiness;

    AssistantHealth(AssistantReadiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public Health health() {
        return readiness.ready() ? Health.up().build()
                : Health.down().withDetail("reason", "loading the knowledge index and the assistant's scorer").build();
    }
}
