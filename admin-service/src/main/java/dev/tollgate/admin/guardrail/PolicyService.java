package dev.tollgate.admin.guardrail;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.audit.AuditLog;
import dev.tollgate.admin.guardrail.PolicyRepository.PolicyFilter;
import dev.tollgate.admin.publish.GuardrailPublisher;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.admin.system.PageView;
import dev.tollgate.admin.system.Paging;
import dev.tollgate.admin.tenant.TenantService;
import dev.tollgate.model.guardrail.GuardrailPolicy;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Creates, lists, changes, switches and deletes guardrail policies. Global and route policies are the platform admins'
 * alone (scoped users never see them); tenant and key policies are also managed by that tenant's admins; finance and
 * viewers only read. Each change is audited in its transaction, then published.
 */
@Service
public class PolicyService {

    static final String POLICY = "guardrail policy";
    private static final String TARGET = "guardrail_policy";

    private final PolicyRepository policies;
    private final TenantService tenants;
    private final AuditLog audit;
    private final GuardrailPublisher publisher;
    private final TransactionalOperator transaction;

    PolicyService(
            PolicyRepository policies,
            TenantService tenants,
            AuditLog audit,
            GuardrailPublisher publisher,
            TransactionalOperator transaction) {
        this.policies = policies;
        this.tenants = tenants;
        this.audit = audit;
        this.publisher = publisher;
        this.transaction = transaction;
    }

    Mono<PolicyView> create(Caller caller, Actor actor, PolicyForm form) {
        return Mono.fromCallable(() -> PolicyRules.check(form))
                .flatMap(policy -> ownerOf(caller, policy)
                        .flatMap(owner -> policies.insert(policy, owner.tenantId(), actor.name())))
                .flatMap(created -> audited(actor, "guardrail.create", null, created))
                .as(transaction::transactional)
                .flatMap(this::published);
    }

    Mono<PolicyView> update(Caller caller, Actor actor, UUID id, PolicyForm form) {
        return Mono.fromCallable(() -> PolicyRules.check(form))
                .flatMap(policy -> locked(caller, id)
                        .doOnNext(before -> requireSameScope(before, policy))
                        .flatMap(before -> policies.update(id, policy)
                                .flatMap(after -> audited(actor, "guardrail.update", before, after))))
                .as(transaction::transactional)
                .flatMap(this::published);
    }

    /** Switches a policy on or off without touching its rules. */
    Mono<PolicyView> enable(Caller caller, Actor actor, UUID id, boolean enabled) {
        String action = enabled ? "guardrail.enable" : "guardrail.disable";
        return locked(caller, id)
                .flatMap(before -> policies.enable(id, enabled).flatMap(after -> audited(actor, action, before, after)))
                .as(transaction::transactional)
                .flatMap(this::published);
    }

    Mono<PolicyView> delete(Caller caller, Actor actor, UUID id) {
        return locked(caller, id)
                .flatMap(before -> policies.delete(id)
                        .then(audit.record(actor, "guardrail.delete", TARGET, id.toString(), before, null))
                        .thenReturn(before))
                .as(transaction::transactional)
                .flatMap(this::published);
    }

    /** The policy, or a 404 when it does not exist or the caller may not see it. */
    Mono<PolicyView> get(Caller caller, UUID id) {
        return policies.find(id)
                .filter(policy -> visible(caller, policy))
                .switchIfEmpty(Mono.error(() -> AdminException.notFound(POLICY)));
    }

    /** Policies the caller sees, optionally only of one tenant (and its keys), one scope or one scope id. */
    public Mono<PageView<PolicyView>> list(
            Caller caller, @Nullable UUID tenantId, @Nullable String scope, @Nullable String scopeId, Paging paging) {
        if (tenantId != null && !caller.sees(tenantId)) {
            return Mono.error(AdminException.notFound("tenant"));
        }
        PolicyFilter filter = new PolicyFilter(caller.tenantId(), tenantId, scope, scopeId);
        return policies.page(filter, paging)
                .collectList()
                .zipWith(policies.count(filter), (items, total) -> PageView.of(items, paging, total));
    }

    /** Whether the caller may create policies at all (of its tenant, or any). */
    public static boolean managesAny(Caller caller) {
        return caller.has(Role.PLATFORM_ADMIN, Role.TENANT_ADMIN);
    }

    /** Whether the caller may change {@code policy}; pages use it to offer only what is allowed. */
    static boolean manages(Caller caller, PolicyView policy) {
        return caller.has(managers(policy.tenantId()));
    }

    private static Role[] managers(@Nullable UUID tenant) {
        return tenant == null ? new Role[] {Role.PLATFORM_ADMIN} : new Role[] {Role.PLATFORM_ADMIN, Role.TENANT_ADMIN};
    }

    private static boolean visible(Caller caller, PolicyView policy) {
        return policy.platformWide() ? caller.platformWide() : caller.sees(policy.tenantId());
    }

    /** The tenant that owns the policy's scope: 404 naming the scope when unknown or not the caller's, then 403. */
    private Mono<Owner> ownerOf(Caller caller, CheckedPolicy policy) {
        return switch (policy.scope()) {
            case GuardrailPolicy.GLOBAL -> platformOwned(caller, Mono.just(true), "scope");
            case GuardrailPolicy.ROUTE -> platformOwned(caller, policies.routeExists(policy.scopeId()), "model");
            case GuardrailPolicy.KEY ->
                tenantOwned(caller, policies.tenantOfKey(UUID.fromString(policy.scopeId())), "key");
            default -> {
                UUID tenant = UUID.fromString(policy.scopeId());
                yield tenantOwned(
                        caller,
                        tenants.exists(tenant).filter(Boolean::booleanValue).map(exists -> tenant),
                        "tenant");
            }
        };
    }

    private static Mono<Owner> platformOwned(Caller caller, Mono<Boolean> exists, String what) {
        return Mono.fromRunnable(() -> caller.require(Role.PLATFORM_ADMIN))
                .then(exists)
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(() -> AdminException.notFound(what)))
                .thenReturn(new Owner(null));
    }

    private static Mono<Owner> tenantOwned(Caller caller, Mono<UUID> tenant, String what) {
        return tenant.filter(caller::sees)
                .switchIfEmpty(Mono.error(() -> AdminException.notFound(what)))
                .doOnNext(found -> caller.require(managers(found)))
                .map(Owner::new);
    }

    private Mono<PolicyView> locked(Caller caller, UUID id) {
        return policies.findForUpdate(id)
                .filter(policy -> visible(caller, policy))
                .switchIfEmpty(Mono.error(() -> AdminException.notFound(POLICY)))
                .doOnNext(policy -> caller.require(managers(policy.tenantId())));
    }

    private static void requireSameScope(PolicyView policy, CheckedPolicy form) {
        if (!policy.scope().equals(form.scope()) || !policy.scopeId().equals(form.scopeId())) {
            throw AdminException.invalid(
                    Map.of("scope_id", "cannot change; delete this policy and create one for the other scope"));
        }
    }

    private Mono<PolicyView> audited(Actor actor, String action, @Nullable PolicyView before, PolicyView after) {
        return audit.record(actor, action, TARGET, after.id().toString(), before, after)
                .thenReturn(after);
    }

    private Mono<PolicyView> published(PolicyView policy) {
        return publisher.policiesChanged(policy.scope(), policy.scopeId()).thenReturn(policy);
    }

    /** Who a new policy belongs to: a tenant, or the platform ({@code null}). */
    private record Owner(@Nullable UUID tenantId) {}
}
