package dev.tollgate.admin.alert;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tollgate.admin.alert.WebhookClient.Attempt;
import dev.tollgate.admin.alert.WebhookRepository.StoredWebhook;
import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.audit.AuditLog;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.admin.system.PageView;
import dev.tollgate.admin.system.Paging;
import dev.tollgate.admin.tenant.TenantService;
import dev.tollgate.admin.tenant.TenantView;
import dev.tollgate.model.route.SecretSealer;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each tenant's alert webhook and its delivery log. Everyone who sees a tenant may read them; platform admins and the
 * tenant's own admins change them. The signing secret is made here, sealed before it reaches the repository, returned
 * once in plain to the caller who made it, and otherwise opened only to sign a delivery.
 */
@Service
public class WebhookService {

    private static final String WEBHOOK = "webhook";
    private static final Role[] MANAGERS = {Role.PLATFORM_ADMIN, Role.TENANT_ADMIN};

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final TenantService tenants;
    private final WebhookUrlValidator urls;
    private final SecretSealer sealer;
    private final AuditLog audit;
    private final TransactionalOperator transaction;
    private final WebhookClient client;
    private final JsonMapper json;

    WebhookService(
            WebhookRepository webhooks,
            DeliveryRepository deliveries,
            TenantService tenants,
            WebhookUrlValidator urls,
            SecretSealer sealer,
            AuditLog audit,
            TransactionalOperator transaction,
            WebhookClient client,
            JsonMapper json) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.tenants = tenants;
        this.urls = urls;
        this.sealer = sealer;
        this.audit = audit;
        this.transaction = transaction;
        this.client = client;
        this.json = json;
    }

    /** The tenant's webhook ({@code configured: false} when it has none); 404 for a tenant the caller cannot see. */
    Mono<WebhookView> get(Caller caller, UUID tenantId) {
        return tenants.get(caller, tenantId)
                .flatMap(tenant -> webhooks.find(tenantId).map(StoredWebhook::view))
                .defaultIfEmpty(WebhookView.none(tenantId));
    }

    /** Sets URL and flag; the first save also makes the signing secret, which the answer carries this once. */
    Mono<WebhookSaved> save(Caller caller, Actor actor, UUID tenantId, WebhookForm form) {
        return managed(caller, tenantId)
                .then(urls.validate(String.valueOf(form.url())))
                .flatMap(url -> upsert(actor, tenantId, url, form.enabledOrTrue()))
                .as(transaction::transactional);
    }

    /** Replaces the signing secret; the answer carries the new one this once. */
    Mono<WebhookSaved> rotateSecret(Caller caller, Actor actor, UUID tenantId) {
        String secret = WebhookSecrets.newSecret();
        return managed(caller, tenantId)
                .then(existing(tenantId))
                .flatMap(before -> rotated(actor, before, secret))
                .map(view -> new WebhookSaved(view, secret))
                .as(transaction::transactional);
    }

    /** Removes the webhook; later alerts of the tenant are logged as skipped. Nothing to remove is not an error. */
    Mono<Void> delete(Caller caller, Actor actor, UUID tenantId) {
        return managed(caller, tenantId)
                .then(webhooks.findForUpdate(tenantId))
                .flatMap(before -> deleted(actor, before))
                .as(transaction::transactional);
    }

    /**
     * Posts a signed {@code webhook.test} event to the tenant's webhook, enabled or not, so its owner can check the
     * receiving end; nothing is logged as a delivery.
     */
    Mono<Attempt> sendTest(Caller caller, UUID tenantId) {
        return managed(caller, tenantId).flatMap(this::sendTest);
    }

    private Mono<Attempt> sendTest(TenantView tenant) {
        TestEvent event = new TestEvent(
                "webhook.test",
                tenant.id().toString(),
                tenant.slug(),
                Instant.now().toString());
        return webhooks.find(tenant.id())
                .switchIfEmpty(Mono.error(() -> AdminException.notFound(WEBHOOK)))
                .flatMap(webhook -> postTest(webhook, event));
    }

    private Mono<Attempt> postTest(StoredWebhook webhook, TestEvent event) {
        String secret = sealer.open(webhook.secret());
        String body = json.writeValueAsString(event);
        return urls.validate(webhook.url())
                .flatMap(url -> client.post(url, secret, event.event(), "test-" + UUID.randomUUID(), body));
    }

    /** The tenant's deliveries, newest first. */
    Mono<PageView<DeliveryView>> deliveries(Caller caller, UUID tenantId, Paging paging) {
        return tenants.get(caller, tenantId).then(page(tenantId, paging));
    }

    /** Every tenant's deliveries, newest first; platform-wide users only. */
    Mono<PageView<DeliveryView>> allDeliveries(Caller caller, Paging paging) {
        if (!caller.platformWide()) {
            return Mono.error(AdminException.forbidden("Deliveries of all tenants are for platform-wide users only."));
        }
        return page(null, paging);
    }

    /** Whether the caller may change webhooks of the tenants it sees. */
    static boolean manages(Caller caller) {
        return caller.has(MANAGERS);
    }

    /** Where and how to post the tenant's alerts; empty when it has no enabled webhook. */
    Mono<Target> target(UUID tenantId) {
        return webhooks.find(tenantId)
                .filter(StoredWebhook::enabled)
                .map(webhook -> new Target(webhook.url(), sealer.open(webhook.secret()), urls));
    }

    /** The tenant, for a caller allowed to change its webhook: 404 when unseen or unknown, 403 for other roles. */
    Mono<TenantView> managed(Caller caller, UUID tenantId) {
        return Mono.fromRunnable(() -> caller.requireIn(tenantId, "tenant", MANAGERS))
                .then(tenants.get(caller, tenantId));
    }

    private Mono<WebhookSaved> upsert(Actor actor, UUID tenantId, String url, boolean enabled) {
        return webhooks.findForUpdate(tenantId)
                .flatMap(before -> updated(actor, before, url, enabled))
                .switchIfEmpty(Mono.defer(() -> create(actor, tenantId, url, enabled)));
    }

    private Mono<WebhookSaved> updated(Actor actor, StoredWebhook before, String url, boolean enabled) {
        return webhooks.update(before.tenantId(), url, enabled)
                .flatMap(after -> audited(actor, "webhook.update", before.view(), after.view()))
                .map(view -> new WebhookSaved(view, null));
    }

    private Mono<StoredWebhook> existing(UUID tenantId) {
        return webhooks.findForUpdate(tenantId).switchIfEmpty(Mono.error(() -> AdminException.notFound(WEBHOOK)));
    }

    private Mono<WebhookView> rotated(Actor actor, StoredWebhook before, String secret) {
        return webhooks.updateSecret(before.tenantId(), sealer.seal(secret))
                .flatMap(after -> audited(actor, "webhook.rotate_secret", before.view(), after.view()));
    }

    private Mono<Void> deleted(Actor actor, StoredWebhook before) {
        String tenantId = before.tenantId().toString();
        return webhooks.delete(before.tenantId())
                .then(audit.record(actor, "webhook.delete", WEBHOOK, tenantId, before.view(), null));
    }

    private Mono<WebhookSaved> create(Actor actor, UUID tenantId, String url, boolean enabled) {
        String secret = WebhookSecrets.newSecret();
        return webhooks.insert(tenantId, url, enabled, sealer.seal(secret))
                .flatMap(created -> audited(actor, "webhook.create", null, created.view()))
                .map(view -> new WebhookSaved(view, secret));
    }

    private Mono<PageView<DeliveryView>> page(@Nullable UUID tenantId, Paging paging) {
        return deliveries
                .page(tenantId, paging)
                .collectList()
                .zipWith(deliveries.count(tenantId), (items, total) -> PageView.of(items, paging, total));
    }

    private Mono<WebhookView> audited(Actor actor, String action, @Nullable WebhookView before, WebhookView after) {
        return audit.record(actor, action, WEBHOOK, after.tenantId().toString(), before, after)
                .thenReturn(after);
    }

    /** The body of a {@code webhook.test} event. */
    @JsonPropertyOrder({"event", "tenant_id", "tenant_slug", "sent_at"})
    record TestEvent(
            @JsonProperty("event") String event,
            @JsonProperty("tenant_id") String tenantId,
            @JsonProperty("tenant_slug") String tenantSlug,
            @JsonProperty("sent_at") String sentAt) {}

    /** An enabled webhook with its secret opened, for one post; never logged. */
    static final class Target {

        private final String url;
        private final String secret;
        private final WebhookUrlValidator urls;

        Target(String url, String secret, WebhookUrlValidator urls) {
            this.url = url;
            this.secret = secret;
            this.urls = urls;
        }

        /** The URL, checked again against the address rules: its name may resolve elsewhere since it was saved. */
        Mono<String> checkedUrl() {
            return urls.validate(url);
        }

        String secret() {
            return secret;
        }

        @Override
        public String toString() {
            return "Target[url=" + url + "]";
        }
    }
}
