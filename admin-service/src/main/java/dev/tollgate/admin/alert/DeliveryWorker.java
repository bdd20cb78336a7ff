package dev.tollgate.admin.alert;

import dev.tollgate.admin.alert.DeliveryRepository.DueDelivery;
import dev.tollgate.admin.alert.WebhookClient.Attempt;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code worker-interval}, claims the deliveries that are due and posts each to its tenant's webhook: a 2xx
 * makes it {@code delivered}; anything else schedules another attempt after {@link RetrySchedule}'s wait, until
 * {@code max-attempts} makes it {@code failed}. A tenant without an enabled webhook gets {@code skipped}. A claim is a
 * lease, so an instance that dies mid-post leaves the delivery to be retried by another (at least once, never lost).
 */
@Component
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryRepository deliveries;
    private final WebhookService webhooks;
    private final WebhookClient client;
    private final RetrySchedule retries;
    private final AlertProperties properties;
    private final JsonMapper json;
    private @Nullable Disposable schedule;

    DeliveryWorker(
            DeliveryRepository deliveries,
            WebhookService webhooks,
            WebhookClient client,
            RetrySchedule retries,
            AlertProperties properties,
            JsonMapper json) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.client = client;
        this.retries = retries;
        this.properties = properties;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!properties.enabled()) {
            return;
        }
        // A tick that arrives while the previous pass still runs is dropped rather than queued.
        schedule = Flux.interval(properties.workerInterval())
                .onBackpressureDrop()
                .concatMap(tick -> passQuietly(), 1)
                .subscribe();
    }

    /** One pass: claims what is due and posts it, a few at a time; completes with how many were claimed. */
    Mono<Long> pass() {
        return deliveries
                .claimDue(properties.workerBatch(), properties.lease())
                .flatMap(this::attempt, 4)
                .count();
    }

    private Mono<Long> passQuietly() {
        return pass().onErrorResume(failure -> {
            log.warn(
                    "Delivering budget alerts failed; retrying in {}: {}",
                    properties.workerInterval(),
                    failure.toString());
            return Mono.just(0L);
        });
    }

    private Mono<Void> attempt(DueDelivery due) {
        if (due.tenantId() == null) {
            return deliveries.skip(due.id(), "no tenant");
        }
        // thenReturn: post() completes empty, which must not read as "no webhook" to switchIfEmpty.
        return webhooks.target(due.tenantId())
                .flatMap(target -> post(due, target).thenReturn(true))
                .switchIfEmpty(Mono.defer(() -> skipped(due)))
                .then();
    }

    private Mono<Boolean> skipped(DueDelivery due) {
        return deliveries.skip(due.id(), "the tenant has no enabled webhook").thenReturn(false);
    }

    private Mono<Void> post(DueDelivery due, WebhookService.Target target) {
        return target.checkedUrl()
                .map(url -> new Request(url, body(due)))
                .flatMap(request ->
                        client.post(request.url(), target.secret(), AlertPayload.EVENT, due.alertId(), request.body()))
                .onErrorResume(refused -> Mono.just(new Attempt(null, "not sent: " + refused.getMessage())))
                .flatMap(attempt -> record(due, attempt));
    }

    /** The stored payload in its documented field order, which jsonb does not keep. */
    private String body(DueDelivery due) {
        return json.writeValueAsString(json.readValue(due.payload(), AlertPayload.class));
    }

    private Mono<Void> record(DueDelivery due, Attempt attempt) {
        int attempts = due.attempts() + 1;
        if (attempt.succeeded()) {
            return deliveries.recordAttempt(due.id(), "delivered", attempt.statusCode(), null, null);
        }
        if (attempts >= properties.maxAttempts()) {
            return deliveries.recordAttempt(due.id(), "failed", attempt.statusCode(), attempt.error(), null);
        }
        Instant next = Instant.now().plus(retries.waitAfter(attempts));
        return deliveries.recordAttempt(due.id(), "pending", attempt.statusCode(), attempt.error(), next);
    }

    /** Where and what to post. */
    private record Request(String url, String body) {}

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.dispose();
        }
    }
}
