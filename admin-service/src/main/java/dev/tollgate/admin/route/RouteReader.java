package dev.tollgate.admin.route;

import dev.tollgate.admin.route.ModelView.DeploymentView;
import dev.tollgate.admin.route.RouteRepository.RouteRow;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.admin.system.PageView;
import dev.tollgate.admin.system.Paging;
import dev.tollgate.model.route.Fallback;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Builds the API's view of models from their rows, deployments and fallbacks. */
@Component
class RouteReader {

    private final RouteRepository routes;
    private final DeploymentRepository deployments;
    private final FallbackRepository fallbacks;

    RouteReader(RouteRepository routes, DeploymentRepository deployments, FallbackRepository fallbacks) {
        this.routes = routes;
        this.deployments = deployments;
        this.fallbacks = fallbacks;
    }

    Mono<ModelView> find(UUID id) {
        return routes.find(id).switchIfEmpty(Mono.error(() -> notFound())).flatMap(this::view);
    }

    Mono<PageView<ModelView>> page(Paging paging) {
        return routes.page(paging)
                .concatMap(this::view)
                .collectList()
                .zipWith(routes.count(), (items, total) -> PageView.of(items, paging, total));
    }

    /** One query after the other: inside a transaction they share one connection. */
    Mono<ModelView> view(RouteRow route) {
        return deployments
                .views(route.id(), Instant.now())
                .collectList()
                .zipWhen(found -> fallbacks.of(route.id()).collectList())
                .map(parts -> view(route, parts.getT1(), parts.getT2()));
    }

    static AdminException notFound() {
        return AdminException.notFound("model");
    }

    private static ModelView view(RouteRow route, List<DeploymentView> deployments, List<Fallback> fallbacks) {
        return new ModelView(
                route.id(),
                route.name(),
                route.strategy(),
                deployments,
                route.retry(),
                fallbacks,
                route.cache(),
                route.version(),
                route.createdAt(),
                route.updatedAt());
    }
}
