package dev.tollgate.admin.route;

import dev.tollgate.admin.provider.ProviderService;
import dev.tollgate.admin.route.ModelForm.DeploymentForm;
import dev.tollgate.admin.route.RouteFacts.StoredDeployment;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.model.route.Fallback;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads the facts a create or update depends on and applies {@link RouteRules} to them: a 400 naming every fault. */
@Component
class RouteChecks {

    private final RouteRepository routes;
    private final DeploymentRepository deployments;
    private final ProviderService providers;

    RouteChecks(RouteRepository routes, DeploymentRepository deployments, ProviderService providers) {
        this.routes = routes;
        this.deployments = deployments;
        this.providers = providers;
    }

    /**
     * @param self the model's name
     * @param routeId the model's id when it exists, {@code null} when it is being created
     */
    Mono<RouteFacts> verified(RouteSpec spec, String self, @Nullable UUID routeId, Instant now) {
        return facts(spec, routeId).doOnNext(facts -> require(RouteRules.check(spec, self, facts, now)));
    }

    // One query after the other: inside a transaction they share one connection.
    private Mono<RouteFacts> facts(RouteSpec spec, @Nullable UUID routeId) {
        return routes.idsByName(spec.fallbacks().stream().map(Fallback::model).toList())
                .zipWhen(models -> providers.existing(providerIds(spec)))
                .zipWhen(
                        found -> stored(routeId),
                        (found, stored) -> new RouteFacts(found.getT1(), found.getT2(), stored));
    }

    private Mono<Map<UUID, StoredDeployment>> stored(@Nullable UUID routeId) {
        return routeId == null ? Mono.just(Map.of()) : deployments.stored(routeId);
    }

    private static Set<UUID> providerIds(RouteSpec spec) {
        return spec.deployments().stream()
                .map(DeploymentForm::providerId)
                .filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
    }

    private static void require(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw AdminException.invalid(errors);
        }
    }
}
