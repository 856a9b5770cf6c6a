package dev.parley.channel.webhook;

import dev.parley.channel.api.CallbackPoster;
import dev.parley.encryption.Encryption;
import dev.parley.identity.Actor;
import dev.parley.identity.AuditLog;
import dev.parley.shared.ApiException;
import dev.parley.shared.Secrets;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Webhook subscriptions for admins: create (the secret is shown once), pause or resume, remove, redeliver. */
@Component
class Webhooks {

    static final String SECRET_PURPOSE = "channel.webhook.secret";

    private final WebhookRepository repository;
    private final Encryption encryption;
    private final AuditLog audit;
    private final Clock clock;

    Webhooks(WebhookRepository repository, Encryption encryption, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.encryption = encryption;
        this.audit = audit;
        this.clock = clock;
    }

    record Created(Subscription subscription, String secret) {
    }

    @Transactional
    Created create(Actor actor, String url, List<String> events) {
        String valid = CallbackPoster.validUrl(url).toString();
        if (events == null || events.isEmpty()) {
            throw ApiException.badRequest("events must name at least one of " + names());
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String event : events) {
            chosen.add(WebhookEvent.byWireName(event == null ? "" : event.strip()).map(WebhookEvent::wireName)
                    .orElseThrow(() -> ApiException.badRequest("Unknown event '" + event + "'; events are " + names())));
        }
        UUID id = UUID.randomUUID();
        String secret = "whsec_" + Secrets.newToken();
        repository.insert(id, valid, String.join(",", chosen), encryption.encrypt(secret, SECRET_PURPOSE), clock.instant());
        audit.record(actor, "webhook.created", id.toString(), valid + " " + chosen);
        return new Created(repository.find(id).orElseThrow(), secret);
    }

    List<Subscription> all() {
        return repository.all();
    }

    Subscription get(UUID id) {
        return repository.find(id).orElseThrow(() -> ApiException.notFound("Webhook " + id));
    }

    @Transactional
    Subscription setActive(Actor actor, UUID id, boolean active) {
        get(id);
        repository.setActive(id, active, active ? null : "paused by an admin", clock.instant());
        audit.record(actor, active ? "webhook.resumed" : "webhook.paused", id.toString(), null);
        return get(id);
    }

    @Transactional
    void delete(Actor actor, UUID id) {
        get(id);
        repository.delete(id);
        audit.record(actor, "webhook.deleted", id.toString(), null);
    }

    List<WebhookDelivery> deliveries(UUID id) {
        get(id);
        return repository.deliveries(id, 100);
    }

    @Transactional
    WebhookDelivery redeliver(Actor actor, UUID subscriptionId, UUID deliveryId) {
        WebhookDelivery delivery = repository.delivery(deliveryId).filter(d -> d.subscriptionId().equals(subscriptionId))
                .orElseThrow(() -> ApiException.notFound("Delivery " + deliveryId + " of webhook " + subscriptionId));
        if ("PENDING".equals(delivery.state())) {
            throw ApiException.conflict("This delivery is still being sent");
        }
        repository.redeliver(deliveryId, clock.instant());
        audit.record(actor, "webhook.redelivered", subscriptionId.toString(), deliveryId.toString());
        return repository.delivery(deliveryId).orElseThrow();
    }

    static String names() {
        return java.util.Arrays.stream(WebhookEvent.values()).map(WebhookEvent::wireName)
                .collect(Collectors.joining(", "));
    }
}
