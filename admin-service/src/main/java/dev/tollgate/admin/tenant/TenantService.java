package dev.tollgate.admin.tenant;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.audit.AuditLog;
import dev.tollgate.admin.publish.ConfigPublisher;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.admin.system.PageView;
import dev.tollgate.admin.system.Paging;
import dev.tollgate.model.config.ConfigChange;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Creates, lists, suspends and reactivates tenants; each change is audited in its transaction, then published. */
@Service
public class TenantService {

    private static final String TENANT = "tenant";

    private final TenantRepository tenants;
    private final AuditLog audit;
    private final ConfigPublisher publisher;
    private final TransactionalOperator transaction;

    TenantService(
            TenantRepository tenants, AuditLog audit, ConfigPublisher publisher, TransactionalOperator transaction) {
        this.tenants = tenants;
        this.audit = audit;
        this.publisher = publisher;
        this.transaction = transaction;
    }

    Mono<TenantView> create(Caller caller, Actor actor, TenantForm form) {
        caller.require(Role.PLATFORM_ADMIN);
        return tenants.insert(form)
                .flatMap(created -> audited(actor, "tenant.create", null, created))
                .as(transaction::transactional)
                .flatMap(this::published);
    }

    Mono<PageView<TenantView>> list(Caller caller, Paging paging) {
        return search(caller, null, paging);
    }

    /** The tenants the caller sees whose name or slug contains {@code query}; all of them without one. */
    Mono<PageView<TenantView>> search(Caller caller, @Nullable String query, Paging paging) {
        return tenants.page(caller.tenantId(), query, paging)
                .collectList()
                .zipWith(tenants.count(caller.tenantId(), query), (items, total) -> PageView.of(items, paging, total));
    }

    /** The newest {@value Paging#MAX_SIZE} tenants the caller sees, for a page's tenant select. */
    public Mono<List<TenantView>> choices(Caller caller) {
        return tenants.page(caller.tenantId(), null, new Paging(0, Paging.MAX_SIZE))
                .collectList();
    }

    /** How many tenants the caller sees. */
    public Mono<Long> count(Caller caller) {
        return tenants.count(caller.tenantId(), null);
    }

    /** The tenant, or a 404 when it does not exist or belongs to a tenant the caller may not see. */
    public Mono<TenantView> get(Caller caller, UUID id) {
        if (!caller.sees(id)) {
            return Mono.error(AdminException.notFound("tenant"));
        }
        return tenants.find(id).switchIfEmpty(Mono.error(() -> AdminException.notFound("tenant")));
    }

    Mono<TenantView> changeStatus(Caller caller, Actor actor, UUID id, String status) {
        caller.requireIn(id, "tenant", Role.PLATFORM_ADMIN);
        return tenants.findForUpdate(id)
                .switchIfEmpty(Mono.error(() -> AdminException.notFound("tenant")))
                .flatMap(before -> tenants.updateStatus(id, status)
                        .flatMap(after -> audited(actor, "tenant." + verb(status), before, after)))
                .as(transaction::transactional)
                .flatMap(this::published);
    }

    /** Sets or clears the tenant-wide limits; the gateway applies them as soon as they are published. */
    Mono<TenantView> changeLimits(Caller caller, Actor actor, UUID id, TenantLimits limits) {
        caller.requireIn(id, "tenant", Role.PLATFORM_ADMIN);
        return tenants.findForUpdate(id)
                .switchIfEmpty(Mono.error(() -> AdminException.notFound("tenant")))
                .flatMap(before -> tenants.updateLimits(id, limits)
                        .flatMap(after -> audited(actor, "tenant.limits", before, after)))
                .as(transaction::transactional)
                .flatMap(this::published);
    }

    /** Has every gateway drop this tenant's cached answers; key admins of the tenant may, others see a 404 or 403. */
    Mono<CachePurge> purgeCache(Caller caller, Actor actor, UUID id) {
        caller.requireIn(id, "tenant", Role.PLATFORM_ADMIN, Role.TENANT_ADMIN);
        return tenants.find(id)
                .switchIfEmpty(Mono.error(() -> AdminException.notFound("tenant")))
                .flatMap(tenant -> publisher
                        .cachePurged(ConfigChange.CACHE_PURGE, id.toString())
                        .onErrorMap(failure -> AdminException.unavailable(
                                "The purge could not be sent to the gateways; please retry."))
                        .then(audit.record(actor, "tenant.cache_purged", TENANT, id.toString(), null, null))
                        .thenReturn(new CachePurge("tenant", id.toString())));
    }

    /** Creates a tenant on behalf of the service itself (demo seeding). */
    public Mono<UUID> createForSystem(String name, String slug) {
        return create(Caller.system(), Actor.system(), new TenantForm(name, slug, null, null, null, null))
                .map(TenantView::id);
    }

    /** Whether a tenant with this id exists, for features that hang objects off a tenant. */
    public Mono<Boolean> exists(UUID id) {
        return tenants.find(id).hasElement();
    }

    /** The id of the tenant with this slug, if any. */
    public Mono<UUID> idOfSlug(String slug) {
        return tenants.findBySlug(slug);
    }

    private Mono<TenantView> audited(Actor actor, String action, @Nullable TenantView before, TenantView after) {
        return audit.record(actor, action, TENANT, after.id().toString(), before, after)
                .thenReturn(after);
    }

    private Mono<TenantView> published(TenantView tenant) {
        return publisher.tenantChanged(tenant.id()).thenReturn(tenant);
    }

    private static String verb(String status) {
        return "suspended".equals(status) ? "suspend" : "activate";
    }
}
