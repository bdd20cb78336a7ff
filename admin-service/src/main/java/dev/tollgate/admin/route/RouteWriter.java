package dev.tollgate.admin.route;

import dev.tollgate.admin.route.ModelForm.DeploymentForm;
import dev.tollgate.admin.route.PricePlan.Add;
import dev.tollgate.admin.route.RouteFacts.StoredDeployment;
import dev.tollgate.admin.route.RouteRepository.RouteRow;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes a checked {@link RouteSpec}: the route row, then its deployments (kept by id, added, or deleted when left
 * out; prices as {@link PricePlan} decides) and its fallbacks. Runs inside the caller's transaction.
 */
@Component
class RouteWriter {

    private final RouteRepository routes;
    private final DeploymentRepository deployments;
    private final FallbackRepository fallbacks;
    private final RouteReader reader;

    RouteWriter(
            RouteRepository routes,
            DeploymentRepository deployments,
            FallbackRepository fallbacks,
            RouteReader reader) {
        this.routes = routes;
        this.deployments = deployments;
        this.fallbacks = fallbacks;
        this.reader = reader;
    }

    Mono<ModelView> create(String name, RouteSpec spec, RouteFacts facts, Instant now) {
        return routes.insert(name, spec).flatMap(route -> written(route, spec, facts, now));
    }

    Mono<ModelView> replace(UUID id, RouteSpec spec, RouteFacts facts, Instant now) {
        return routes.update(id, spec).flatMap(route -> written(route, spec, facts, now));
    }

    private Mono<ModelView> written(RouteRow route, RouteSpec spec, RouteFacts facts, Instant now) {
        return syncDeployments(route.id(), spec.deployments(), facts, now)
                .then(fallbacks.replace(route.id(), spec.fallbacks(), facts.models()))
                .then(reader.view(route));
    }

    private Mono<Void> syncDeployments(UUID routeId, List<DeploymentForm> requested, RouteFacts facts, Instant now) {
        List<UUID> kept = requested.stream()
                .map(DeploymentForm::id)
                .filter(Objects::nonNull)
                .toList();
        return deployments
                .deleteOthers(routeId, kept)
                .thenMany(Flux.fromIterable(requested))
                .concatMap(form -> form.id() == null
                        ? add(routeId, form, now)
                        : change(
                                form, Objects.requireNonNull(facts.deployments().get(form.id())), now))
                .then();
    }

    private Mono<Void> add(UUID routeId, DeploymentForm form, Instant now) {
        return deployments.insert(routeId, form).flatMap(id -> deployments.insertPrice(id, PricePlan.first(form, now)));
    }

    private Mono<Void> change(DeploymentForm form, StoredDeployment stored, Instant now) {
        Mono<Void> price = PricePlan.decide(form, stored.prices(), now) instanceof Add add
                ? deployments.insertPrice(stored.id(), add.version())
                : Mono.empty();
        return deployments.update(stored.id(), form).then(price);
    }
}
