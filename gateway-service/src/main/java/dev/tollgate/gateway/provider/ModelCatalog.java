package dev.tollgate.gateway.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The adapters as the rest of the gateway sees them: the static routes they serve, by public model name (the first
 * adapter to claim a name keeps it), and clients built for published deployments.
 */
@Component
public final class ModelCatalog {

    private final Map<String, ProviderClient> staticRoutes = new LinkedHashMap<>();
    private final List<ProviderFactory> factories;

    ModelCatalog(List<StaticRoutes> routes, List<ProviderFactory> factories) {
        routes.forEach(adapter -> adapter.routes().forEach(staticRoutes::putIfAbsent));
        this.factories = factories;
    }

    /** The client of a statically configured model. */
    public Optional<ProviderClient> staticRoute(String model) {
        return Optional.ofNullable(staticRoutes.get(model));
    }

    /** Every statically configured model name, in configuration order. */
    public Set<String> staticModels() {
        return staticRoutes.keySet();
    }

    /**
     * A client for a published deployment.
     *
     * @throws IllegalArgumentException for a provider type no adapter serves, or a target its adapter cannot use
     */
    public ProviderClient clientFor(UpstreamTarget target) {
        return factories.stream()
                .filter(factory -> factory.supports(target.type()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no adapter serves provider type " + target.type()))
                .clientFor(target);
    }
}
