package dev.tollgate.gateway.routing;

import dev.tollgate.gateway.provider.ProviderClient;
import dev.tollgate.model.route.CacheSettings;
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
 * @param cache the response cache settings the route publishes; {@code null} for the gateway's (static routes)
 */
public record Route(
        String model,
        ProviderClient client,
        String ownedBy,
        @Nullable String deploymentId,
        String upstreamModel,
        List<PriceVersion> prices,
        @Nullable CacheSettings cache) {

    public Route {
        prices = List.copyOf(prices);
    }

    /** A route without cache settings of its own. */
    public Route(
            String model,
            ProviderClient client,
            String ownedBy,
            @Nullable String deploymentId,
            String upstreamModel,
            List<PriceVersion> prices) {
        this(model, client, ownedBy, deploymentId, upstreamModel, prices, null);
    }

    /** The provider type, a metric tag. */
    public String provider() {
        return client.provider();
    }
}
