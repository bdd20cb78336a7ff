package dev.tollgate.admin.route;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.audit.AuditLog;
import dev.tollgate.admin.provider.ProviderService;
import dev.tollgate.admin.publish.ConfigPublisher;
import dev.tollgate.admin.route.ModelForm.DeploymentForm;
import dev.tollgate.admin.route.RouteRepository.RouteRow;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.admin.system.PageView;
import dev.tollgate.admin.system.Paging;
import dev.tollgate.admin.tenant.CachePurge;
import dev.tollgate.model.config.ConfigChange;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Public models and their deployments; each created model is audited in its transaction, then published. */
@Service
public class RouteService {

    private final RouteRepository routes;
    private final ProviderService providers;
    private final AuditLog audit;
    private final ConfigPublisher publisher;
    private final TransactionalOperator transaction;

    RouteService(
            RouteRepository routes,
            ProviderService providers,
            AuditLog audit,
            ConfigPublisher publisher,
            TransactionalOperator transaction) {
        this.routes = routes;
        this.providers = providers;
        this.audit = audit;
        this.publisher = publisher;
        this.transaction = transaction;
    }

    Mono<ModelView> create(Caller caller, Actor actor, ModelForm form) {
        caller.require(Role.PLATFORM_ADMIN);
        List<DeploymentForm> deployments = Objects.requireNonNull(form.deployments());
        return Flux.fromIterable(deployments)
                .concatMap(this::checkProvider)
                .then(routes.insertRoute(
                        String.valueOf(form.name()), form.strategy() == null ? "priority" : form.strategy()))
                .flatMap(route -> Flux.fromIterable(deployments)
                        .concatMap(deployment -> insertDeployment(route.id(), deployment))
                        .then(view(route)))
                .flatMap(created -> audit.record(actor, "model.create", "model", created.name(), null, created)
                        .thenReturn(created))
                .as(transaction::transactional)
                .flatMap(created -> publisher.routeChanged(created.name()).thenReturn(created));
    }

    /** Creates a free model served by one provider on behalf of the service itself (demo seeding). */
    public Mono<Void> createForSystem(String name, UUID providerId) {
        DeploymentForm deployment =
                new DeploymentForm(providerId, name, 1, 0, BigDecimal.ZERO, BigDecimal.ZERO, null, null);
        return create(Caller.system(), Actor.system(), new ModelForm(name, "priority", List.of(deployment)))
                .then();
    }

    Mono<PageView<ModelView>> list(Paging paging) {
        // Every role sees model names: a tenant admin needs them to choose what a key may call.
        return routes.page(paging)
                .concatMap(this::view)
                .collectList()
                .zipWith(routes.count(), (items, total) -> PageView.of(items, paging, total));
    }

    /** Every public model name, for choosing what a key may call. */
    public Mono<List<String>> names() {
        return routes.names().collectList();
    }

    /** How many public models exist; every role may know. */
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

    public Mono<Long> count() {
        return routes.count();
    }

    private Mono<Void> checkProvider(DeploymentForm deployment) {
        return providers
                .exists(Objects.requireNonNull(deployment.providerId()))
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(
                        () -> AdminException.badRequest("provider " + deployment.providerId() + " does not exist.")))
                .then();
    }

    private Mono<Void> insertDeployment(UUID routeId, DeploymentForm form) {
        return routes.insertDeployment(routeId, form).flatMap(id -> routes.insertPrice(id, form));
    }

    private Mono<ModelView> view(RouteRow route) {
        return routes.deployments(route.id())
                .collectList()
                .map(deployments ->
                        new ModelView(route.id(), route.name(), route.strategy(), deployments, route.createdAt()));
    }
}
