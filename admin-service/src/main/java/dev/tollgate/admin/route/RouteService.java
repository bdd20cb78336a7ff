package dev.tollgate.admin.route;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.audit.AuditLog;
import dev.tollgate.admin.publish.ConfigPublisher;
import dev.tollgate.admin.route.ModelForm.DeploymentForm;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.admin.system.PageView;
import dev.tollgate.admin.system.Paging;
import dev.tollgate.admin.tenant.CachePurge;
import dev.tollgate.model.config.ConfigChange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Public models: creating and reading them, and purging their cached answers. Each created model is audited in its
 * transaction, then published; changes and deletions are {@link RouteChanges}'.
 */
@Service
public class RouteService {

    private final RouteRepository routes;
    private final RouteReader reader;
    private final RouteChecks checks;
    private final RouteWriter writer;
    private final AuditLog audit;
    private final ConfigPublisher publisher;
    private final TransactionalOperator transaction;

    RouteService(
            RouteRepository routes,
            RouteReader reader,
            RouteChecks checks,
            RouteWriter writer,
            AuditLog audit,
            ConfigPublisher publisher,
            TransactionalOperator transaction) {
        this.routes = routes;
        this.reader = reader;
        this.checks = checks;
        this.writer = writer;
        this.audit = audit;
        this.publisher = publisher;
        this.transaction = transaction;
    }

    Mono<ModelView> create(Caller caller, Actor actor, ModelForm form) {
        caller.require(Role.PLATFORM_ADMIN);
        String name = String.valueOf(form.name());
        RouteSpec spec = form.spec();
        Instant now = now();
        return checks.verified(spec, name, null, now)
                .flatMap(facts -> writer.create(name, spec, facts, now))
                .flatMap(created -> audited(actor, created))
                .as(transaction::transactional)
                .flatMap(created -> publisher.routeChanged(created.name()).thenReturn(created));
    }

    /** Creates a free model served by one provider on behalf of the service itself (demo seeding). */
    public Mono<Void> createForSystem(String name, UUID providerId) {
        DeploymentForm deployment =
                new DeploymentForm(null, providerId, name, 1, 0, BigDecimal.ZERO, BigDecimal.ZERO, null, null, null);
        return create(Caller.system(), Actor.system(), new ModelForm(name, "priority", List.of(deployment)))
                .then();
    }

    Mono<PageView<ModelView>> list(Paging paging) {
        // Every role sees models: a tenant admin needs their names to choose what a key may call.
        return reader.page(paging);
    }

    /** One model; every role may read it, as the list. */
    Mono<ModelView> get(UUID id) {
        return reader.find(id);
    }

    /** Every public model name, for choosing what a key may call. */
    public Mono<List<String>> names() {
        return routes.names().collectList();
    }

    /** How many public models exist; every role may know. */
    public Mono<Long> count() {
        return routes.count();
    }

    /**
     * Has every gateway drop the cached answers of one public model, in every tenant; platform admins only. Any name
     * may be purged, published or not: the gateways' static routes (the mock, an upstream set by environment) cache
     * answers too.
     */
    Mono<CachePurge> purgeCache(Caller caller, Actor actor, String model) {
        caller.require(Role.PLATFORM_ADMIN);
        if (model.isBlank() || model.length() > 200 || model.chars().anyMatch(Character::isISOControl)) {
            return Mono.error(AdminException.badRequest("A model name is 1 to 200 printable characters."));
        }
        return publisher
                .cachePurged(ConfigChange.CACHE_ROUTE_PURGE, model)
                .onErrorMap(failure ->
                        AdminException.unavailable("The purge could not be sent to the gateways; please retry."))
                .then(audit.record(actor, "model.cache_purged", "model", model, null, null))
                .thenReturn(new CachePurge("model", model));
    }

    /** The instant a change's new price versions start at, at the database's precision. */
    static Instant now() {
        return PricePlan.micros(Instant.now());
    }

    private Mono<ModelView> audited(Actor actor, ModelView created) {
        return audit.record(actor, "model.create", "model", created.name(), null, created)
                .thenReturn(created);
    }
}
