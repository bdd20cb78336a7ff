package dev.tollgate.gateway.routing;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.provider.ModelCatalog;
import dev.tollgate.gateway.provider.UpstreamTarget;
import dev.tollgate.model.route.Deployment;
import dev.tollgate.model.route.ModelRoute;
import dev.tollgate.model.route.ProviderSnapshot;
import dev.tollgate.model.route.SealedSecret;
import dev.tollgate.model.route.SecretSealer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a published route into a {@link Route}: its first deployment (routing strategies come later), that
 * deployment's credential opened in memory, and a client for it. The opened credential lives only inside the client.
 */
@Component
class DeploymentClients {

    static final String PUBLISHED_OWNER = "tollgate";
    private static final Logger log = LoggerFactory.getLogger(DeploymentClients.class);

    private final ModelCatalog catalog;
    private final SecretSealer sealer;

    DeploymentClients(ModelCatalog catalog, SecretSealer sealer) {
        this.catalog = catalog;
        this.sealer = sealer;
    }

    /** The route, or a 503 {@code config_unavailable} when what was published cannot be used. */
    Route routeFor(String model, ModelRoute published) {
        try {
            Deployment deployment = published.deployments().getFirst();
            return new Route(
                    model,
                    catalog.clientFor(target(deployment)),
                    PUBLISHED_OWNER,
                    deployment.deploymentId(),
                    deployment.upstreamModel(),
                    deployment.prices() == null ? List.of() : deployment.prices(),
                    published.cache());
        } catch (RuntimeException unusable) { // no deployment, unknown type, missing URL, credential will not open
            log.error("the published route for model {} cannot be used: {}", model, unusable.getMessage());
            throw GatewayException.upstream(
                    ErrorCode.CONFIG_UNAVAILABLE,
                    "The model '%s' is misconfigured on this gateway; please retry shortly.".formatted(model),
                    null);
        }
    }

    private UpstreamTarget target(Deployment deployment) {
        ProviderSnapshot provider = deployment.provider();
        Map<String, String> settings = provider.settings() == null ? Map.of() : provider.settings();
        return new UpstreamTarget(
                provider.type(),
                provider.baseUrl() == null ? null : URI.create(provider.baseUrl()),
                opened(provider.credential()),
                deployment.upstreamModel(),
                settings);
    }

    private @Nullable String opened(@Nullable SealedSecret credential) {
        return credential == null ? null : sealer.open(credential);
    }
}
