package dev.tollgate.gateway.routing;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.provider.ModelCatalog;
import dev.tollgate.gateway.provider.UpstreamTarget;
import dev.tollgate.model.route.Deployment;
import dev.tollgate.model.route.ModelRoute;
import dev.tollgate.model.route.ProviderSnapshot;
import dev.tollgate.model.route.RetryPolicy;
import dev.tollgate.model.route.SealedSecret;
import dev.tollgate.model.route.SecretSealer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a published route into a {@link Route}: a client for each of its deployments, each deployment's credential
 * opened in memory (it lives only inside its client), and the gateway's retry defaults where the route sets none. A
 * deployment that cannot be used (an unknown provider type, a credential that will not open) is left out and logged;
 * only a route left with none fails.
 */
@Component
class DeploymentClients {

    static final String PUBLISHED_OWNER = "tollgate";
    private static final Logger log = LoggerFactory.getLogger(DeploymentClients.class);

    private final ModelCatalog catalog;
    private final SecretSealer sealer;
    private final RoutingProperties properties;

    DeploymentClients(ModelCatalog catalog, SecretSealer sealer, RoutingProperties properties) {
        this.catalog = catalog;
        this.sealer = sealer;
        this.properties = properties;
    }

    /** The route, or a 503 {@code config_unavailable} when none of what was published can be used. */
    Route routeFor(String model, ModelRoute published) {
        List<Target> targets = targets(model, published.deployments());
        if (targets.isEmpty()) {
            log.error("the published route for model {} has no usable deployment", model);
            throw GatewayException.upstream(
                    ErrorCode.CONFIG_UNAVAILABLE,
                    "The model '%s' is misconfigured on this gateway; please retry shortly.".formatted(model),
                    null);
        }
        return new Route(
                model,
                PUBLISHED_OWNER,
                ModelRoute.STRATEGIES.contains(published.strategy()) ? published.strategy() : ModelRoute.PRIORITY,
                targets,
                retry(published.retry()),
                published.fallbacks(),
                published.cache());
    }

    /** A static route: one target, the gateway's retry defaults, no fallbacks. */
    Route staticRoute(String model, Target target) {
        return new Route(model, target.provider(), ModelRoute.PRIORITY, List.of(target), retry(null), List.of(), null);
    }

    private List<Target> targets(String model, List<Deployment> deployments) {
        List<Target> targets = new ArrayList<>();
        for (Deployment deployment : deployments) {
            try {
                targets.add(target(deployment));
            } catch (RuntimeException unusable) { // unknown type, missing URL, credential will not open
                log.error(
                        "deployment {} of model {} cannot be used: {}",
                        deployment.deploymentId(),
                        model,
                        unusable.getMessage());
            }
        }
        return targets;
    }

    private Target target(Deployment deployment) {
        return new Target(
                deployment.deploymentId(),
                deployment.deploymentId(),
                catalog.clientFor(upstream(deployment)),
                deployment.upstreamModel(),
                deployment.prices() == null ? List.of() : deployment.prices(),
                Math.max(0, deployment.weight()),
                deployment.priority());
    }

    private UpstreamTarget upstream(Deployment deployment) {
        ProviderSnapshot provider = deployment.provider();
        Map<String, String> settings = provider.settings() == null ? Map.of() : provider.settings();
        return new UpstreamTarget(
                provider.type(),
                provider.baseUrl() == null ? null : URI.create(provider.baseUrl()),
                opened(provider.credential()),
                deployment.upstreamModel(),
                settings);
    }

    private RetryPolicy retry(@Nullable RetryPolicy published) {
        RoutingProperties.Retry defaults = properties.retry();
        if (published == null) {
            return new RetryPolicy(
                    defaults.maxRetries(), (int) defaults.backoff().toMillis(), (int)
                            defaults.maxBackoff().toMillis());
        }
        return new RetryPolicy(
                Math.clamp(published.maxRetries(), 0, 10),
                published.backoffMs() != null
                        ? published.backoffMs()
                        : (int) defaults.backoff().toMillis(),
                published.maxBackoffMs() != null
                        ? published.maxBackoffMs()
                        : (int) defaults.maxBackoff().toMillis());
    }

    private @Nullable String opened(@Nullable SealedSecret credential) {
        return credential == null ? null : sealer.open(credential);
    }
}
