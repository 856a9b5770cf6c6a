package dev.parley.channel.webhook;

import dev.parley.channel.api.CallbackPoster;
import dev.parley.channel.api.Signatures;
import dev.parley.encryption.Encryption;
import dev.parley.encryption.UnreadableValueException;
import dev.parley.identity.Actor;
import dev.parley.identity.AuditLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends webhook deliveries: signed, at least once, each attempt claimed so only one node sends it, retried with
 * doubling back-off for {@code parley.webhooks.retry-for}; a subscription failing {@code disable-after} deliveries
 * in a row is disabled, with an entry in the audit log and the reason on the webhooks page.
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration CLAIM = Duration.ofMinutes(2);
    /** Subscriptions whose due deliveries are sent at the same time. */
    private static final int RECEIVERS_AT_ONCE = 8;

    private final WebhookRepository repository;
    private final CallbackPoster poster;
    private final Encryption encryption;
    private final AuditLog audit;
    private final WebhookSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Counter delivered;
    private final Counter failures;

    WebhookDispatcher(WebhookRepository repository, CallbackPoster poster, Encryption encryption, AuditLog audit,
            WebhookSettings settings, TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
        this.repository = repository;
        this.poster = poster;
        this.encryption = encryption;
        this.audit = audit;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
        // parley.webhook.deliveries{outcome}: attempts to post an event to a subscriber (ParleyWebhookDeliveryFailing)
        this.delivered = attemptCounter(meters, "success");
        this.failures = attemptCounter(meters, "failure");
    }

    private static Counter attemptCounter(MeterRegistry meters, String outcome) {
        return Counter.builder("parley.webhook.deliveries").description("Attempts to post an event to a webhook")
                .tag("outcome", outcome).register(meters);
    }

    @Scheduled(initialDelayString = "${parley.webhooks.dispatch-interval:5s}",
            fixedDelayString = "${parley.webhooks.dispatch-interval:5s}")
    @SchedulerLock(name = "channel.webhook-dispatch", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1S")
    void sendDue() {
        Map<UUID, List<UUID>> bySubscription = repository.due(clock.instant(), 100).stream().collect(
                Collectors.groupingBy(WebhookRepository.Due::subscriptionId, LinkedHashMap::new,
                        Collectors.mapping(WebhookRepository.Due::deliveryId, Collectors.toList())));
        // Each subscription's deliveries in order, subscriptions side by side: a receiver that hangs until the
        // timeout holds up its own deliveries, not everyone's. The job (and its cluster lock) ends with the batch.
        try (ExecutorService receivers = Executors.newFixedThreadPool(RECEIVERS_AT_ONCE,
                Thread.ofVirtual().name("webhook-send-", 0).factory())) {
            bySubscription.values().forEach(ids -> receivers.execute(() -> ids.forEach(this::sendOrLog)));
        }
    }

    private void sendOrLog(UUID deliveryId) {
        try {
            send(deliveryId);
        } catch (RuntimeException e) {
            // left pending: the next round tries it again once its claim lapses
            log.error("Webhook delivery {} could not be attempted", deliveryId, e);
        }
    }

    /** One attempt, if the delivery is due and nobody else is sending it. */
    void send(UUID deliveryId) {
        WebhookDelivery delivery;
        try {
            delivery = repository.delivery(deliveryId).orElse(null);
        } catch (UnreadableValueException e) {
            log.error("Webhook delivery {} is failed: its stored payload cannot be decrypted ({})", deliveryId,
                    e.getMessage());
            repository.unreadable(deliveryId, "Not sent: the stored payload cannot be decrypted with this server's"
                    + " keys (" + e.getMessage() + "). Restore the key, then redeliver.", clock.instant());
            return;
        }
        Instant now = clock.instant();
        if (delivery == null || !"PENDING".equals(delivery.state())
                || !repository.claim(deliveryId, delivery.attempts(), now, now.plus(CLAIM))) {
            return;
        }
        Subscription subscription = repository.find(delivery.subscriptionId()).orElse(null);
        if (subscription == null || !subscription.active()) {
            repository.attempted(deliveryId, "PENDING", delivery.attempts(), now, null, null, null, now);
            return;
        }
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        Integer status = null;
        String response;
        boolean permanent = false;
        try {
            String secret = encryption.decrypt(repository.sealedSecret(subscription.id()), Webhooks.SECRET_PURPOSE);
            CallbackPoster.Answer answer = poster.post(URI.create(subscription.url()), body, Map.of(
                    Signatures.HEADER, Signatures.header(secret, clock.instant().getEpochSecond(), body),
                    "X-Parley-Event-Id", delivery.eventId().toString(),
                    "X-Parley-Event", delivery.eventType(),
                    "X-Parley-Delivery", deliveryId.toString()));
            status = answer.status();
            response = answer.snippet();
            if (answer.ok()) {
                delivered.increment();
                repository.attempted(deliveryId, "DELIVERED", delivery.attempts() + 1, null, status, millis(started),
                        response, clock.instant());
                repository.succeeded(subscription.id());
                return;
            }
            permanent = answer.permanent() && answer.status() != 404;
        } catch (IOException | RuntimeException e) {
            response = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        failed(delivery, subscription, status, millis(started), response, permanent);
    }

    private void failed(WebhookDelivery delivery, Subscription subscription, Integer status, long latency,
            String response, boolean permanent) {
        failures.increment();
        Instant now = clock.instant();
        int attempts = delivery.attempts() + 1;
        Instant next = now.plus(settings.backoff(attempts));
        boolean giveUp = permanent || next.isAfter(delivery.createdAt().plus(settings.retryFor()));
        repository.attempted(delivery.id(), giveUp ? "FAILED" : "PENDING", attempts, giveUp ? null : next, status,
                latency, response, now);
        if (giveUp && repository.failedInARow(subscription.id(), now) >= settings.disableAfter()) {
            String reason = "disabled after " + settings.disableAfter() + " failed deliveries in a row (last: "
                    + (status == null ? response : "HTTP " + status) + ")";
            // One transaction: whoever sees the subscription disabled also finds the audit entry saying why.
            transactions.executeWithoutResult(tx -> {
                repository.setActive(subscription.id(), false,
                        reason.length() > 500 ? reason.substring(0, 500) : reason, now);
                audit.record(Actor.SYSTEM, "webhook.disabled", subscription.id().toString(), reason);
            });
            log.warn("Webhook {} to {} {}", subscription.id(), subscription.url(), reason);
        }
    }

    private static long millis(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
