package dev.tollgate.gateway.routing;

import dev.tollgate.gateway.provider.ProviderClient;
import dev.tollgate.model.route.PriceVersion;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a request for a public model goes.
 *
 * @param model the public model name
 * @param client the client of the upstream that serves it
 * @param ownedBy what {@code /v1/models} shows as {@code owned_by}
 * @param deploymentId the published deployment; {@code null} for a static route
 * @param upstreamModel the model name the upstream is sent (a static route forwards the public name)
 * @param prices the deployment's price versions; empty for a static route
 */
public record Route(
        String model,
        ProviderClient client,
        String ownedBy,
        @Nullable String deploymentId,
        String upstreamModel,
        List<PriceVersion> prices) {

    public Route {
        prices = List.copyOf(prices);
    }

    /** The provider type, a metric tag. */
    public String provider() {
        return client.provider();
    }
}
