package dev.tollgate.admin.budget;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.audit.AuditLog;
import dev.tollgate.admin.budget.BudgetRepository.BudgetFilter;
import dev.tollgate.admin.publish.ConfigPublisher;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.admin.system.PageView;
import dev.tollgate.admin.system.Paging;
import dev.tollgate.admin.tenant.TenantService;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Creates, lists, changes and deletes budgets. Platform admins manage all of them; tenant admins and finance users
 * those of the tenants they see; viewers only read. Each change is audited in its transaction, then published.
 */
@Service
public class BudgetService {

    private static final String BUDGET = "budget";
    private static final Role[] MANAGERS = {Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.FINANCE};

    private final BudgetRepository budgets;
    private final TenantService tenants;
    private final AuditLog audit;
    private final ConfigPublisher publisher;
    private final TransactionalOperator transaction;

    BudgetService(
            BudgetRepository budgets,
            TenantService tenants,
            AuditLog audit,
            ConfigPublisher publisher,
            TransactionalOperator transaction) {
        this.budgets = budgets;
        this.tenants = tenants;
        this.audit = audit;
        this.publisher = publisher;
        this.transaction = transaction;
    }

    Mono<BudgetView> create(Caller caller, Actor actor, BudgetForm form) {
        return ownerOf(caller, String.valueOf(form.scope()), form.scopeId())
                .doOnNext(tenant -> caller.require(MANAGERS))
                .flatMap(tenant -> budgets.insert(tenant, form))
                .flatMap(created -> audited(actor, "budget.create", null, created))
                .as(transaction::transactional)
                .flatMap(this::published);
    }

    Mono<BudgetView> update(Caller caller, Actor actor, UUID id, BudgetForm form) {
        return locked(caller, id)
                .doOnNext(before -> requireSameScope(before, form))
                .flatMap(before ->
                        budgets.update(id, form).flatMap(after -> audited(actor, "budget.update", before, after)))
                .as(transaction::transactional)
                .flatMap(this::published);
    }

    Mono<BudgetView> delete(Caller caller, Actor actor, UUID id) {
        return locked(caller, id)
                .flatMap(before -> budgets.delete(id)
                        .then(audit.record(actor, "budget.delete", BUDGET, id.toString(), before, null))
                        .thenReturn(before))
                .as(transaction::transactional)
                .flatMap(this::published);
    }

    /** The budget, or a 404 when it does not exist or belongs to a tenant the caller may not see. */
    Mono<BudgetView> get(Caller caller, UUID id) {
        return budgets.find(id)
                .filter(budget -> caller.sees(budget.tenantId()))
                .switchIfEmpty(Mono.error(() -> AdminException.notFound(BUDGET)));
    }

    /** Budgets the caller sees, optionally only of one scope, one scope id or one tenant. */
    public Mono<PageView<BudgetView>> list(
            Caller caller, @Nullable String scope, @Nullable UUID scopeId, @Nullable UUID tenantId, Paging paging) {
        if (tenantId != null && !caller.sees(tenantId)) {
            return Mono.error(AdminException.notFound("tenant"));
        }
        BudgetFilter filter = new BudgetFilter(tenantId == null ? caller.tenantId() : tenantId, scope, scopeId);
        return budgets.page(filter, paging)
                .collectList()
                .zipWith(budgets.count(filter), (items, total) -> PageView.of(items, paging, total));
    }

    /** Whether the caller may create, change and delete budgets (of the tenants it sees). */
    public static boolean manages(Caller caller) {
        return caller.has(MANAGERS);
    }

    /** The tenant that owns {@code scopeId}; a 404 naming the scope when it is unknown or not the caller's. */
    private Mono<UUID> ownerOf(Caller caller, String scope, @Nullable UUID scopeId) {
        if (scopeId == null) {
            return Mono.error(AdminException.invalid(Map.of("scope_id", "must not be null")));
        }
        Mono<UUID> tenant = "key".equals(scope)
                ? budgets.tenantOfKey(scopeId)
                : tenants.exists(scopeId).filter(Boolean::booleanValue).map(exists -> scopeId);
        return tenant.filter(caller::sees).switchIfEmpty(Mono.error(() -> AdminException.notFound(scope)));
    }

    private Mono<BudgetView> locked(Caller caller, UUID id) {
        return budgets.findForUpdate(id)
                .filter(budget -> caller.sees(budget.tenantId()))
                .switchIfEmpty(Mono.error(() -> AdminException.notFound(BUDGET)))
                .doOnNext(budget -> caller.require(MANAGERS));
    }

    private static void requireSameScope(BudgetView budget, BudgetForm form) {
        if (!budget.scope().equals(form.scope()) || !budget.scopeId().equals(form.scopeId())) {
            throw AdminException.invalid(
                    Map.of("scope_id", "cannot change; delete this budget and create one for the other scope"));
        }
    }

    private Mono<BudgetView> audited(Actor actor, String action, @Nullable BudgetView before, BudgetView after) {
        return audit.record(actor, action, BUDGET, after.id().toString(), before, after)
                .thenReturn(after);
    }

    private Mono<BudgetView> published(BudgetView budget) {
        return publisher.budgetChanged(budget.scope(), budget.scopeId()).thenReturn(budget);
    }
}
