package dev.tollgate.admin.alert;

import dev.tollgate.admin.alert.WebhookRepository.StoredWebhook;
import dev.tollgate.model.route.SecretSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Re-seals webhook signing secrets still sealed under a previous master key, at every start. A master-key rotation
 * restarts the admin service with the new key current and the old one in {@code TOLLGATE_MASTER_KEYS_PREVIOUS}
 * (docs/master-key-rotation.md, step 3), so by the time the old key is retired no webhook secret needs it. The
 * secrets themselves do not change: receivers keep verifying with the one they stored.
 */
@Component
class WebhookSecretResealer {

    private static final Logger log = LoggerFactory.getLogger(WebhookSecretResealer.class);

    private final WebhookRepository webhooks;
    private final SecretSealer sealer;
    private final TransactionalOperator transaction;

    WebhookSecretResealer(WebhookRepository webhooks, SecretSealer sealer, TransactionalOperator transaction) {
        this.webhooks = webhooks;
        this.sealer = sealer;
        this.transaction = transaction;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resealOnStart() {
        reseal().filter(count -> count > 0)
                .subscribe(
                        count -> log.info("Re-sealed {} webhook signing secrets under the current master key", count),
                        failure -> log.warn("Re-sealing webhook signing secrets failed: {}", failure.toString()));
    }

    /** Re-seals in one transaction; completes with how many secrets were re-sealed. */
    Mono<Long> reseal() {
        return webhooks.findAllForUpdate()
                .filter(webhook -> sealer.needsResealing(webhook.secret()))
                .concatMap(this::resealed)
                .count()
                .as(transaction::transactional);
    }

    private Mono<StoredWebhook> resealed(StoredWebhook webhook) {
        return webhooks.updateSecret(webhook.tenantId(), sealer.seal(sealer.open(webhook.secret())));
    }
}
