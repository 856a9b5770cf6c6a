package dev.parley.channel.webhook;

import dev.parley.encryption.EncryptedColumn;
import dev.parley.identity.AgentPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Outbound webhooks for admins: subscriptions, their delivery log and redelivery. See docs/webhooks.md. */
@RestController
@RequestMapping("/api/v1/admin/webhooks")
@Tag(name = "Webhooks")
class WebhookAdminApi {

    private final Webhooks webhooks;

    WebhookAdminApi(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Bean
    static EncryptedColumn webhookSecretColumn() {
        return EncryptedColumn.of("webhook_subscription", "id", "secret", Webhooks.SECRET_PURPOSE);
    }

    record NewWebhook(String url, List<String> events) {
    }

    record Change(Boolean active) {
    }

    record CreatedWebhook(UUID id, String url, Set<String> events, boolean active, String secret, String note) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Subscribe a URL to events; the signing secret is shown in this answer only")
    CreatedWebhook create(@AuthenticationPrincipal AgentPrincipal me, @RequestBody NewWebhook request) {
        if (request == null) {
            throw dev.parley.shared.ApiException.badRequest("url and events are required");
        }
        Webhooks.Created created = webhooks.create(me.actor(), request.url(), request.events());
        Subscription s = created.subscription();
        return new CreatedWebhook(s.id(), s.url(), s.events(), s.active(), created.secret(),
                "Store the secret now: it is not shown again. Verify X-Parley-Signature as docs/webhooks.md shows.");
    }

    @GetMapping
    List<Subscription> list() {
        return webhooks.all();
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Pause (active=false) or resume a subscription; resuming clears the failure count")
    Subscription change(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id, @RequestBody Change change) {
        if (change == null || change.active() == null) {
            throw dev.parley.shared.ApiException.badRequest("active is required");
        }
        return webhooks.setActive(me.actor(), id, change.active());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id) {
        webhooks.delete(me.actor(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The latest 100 deliveries: state, attempts, HTTP status, latency, a snippet of the answer")
    List<WebhookDelivery> deliveries(@PathVariable UUID id) {
        return webhooks.deliveries(id);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/redeliveries")
    @ResponseStatus(HttpStatus.ACCEPTED)
    WebhookDelivery redeliver(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id,
            @PathVariable UUID deliveryId) {
        return webhooks.redeliver(me.actor(), id, deliveryId);
    }
}
