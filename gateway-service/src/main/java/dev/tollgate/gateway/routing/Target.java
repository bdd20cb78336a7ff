package dev.tollgate.gateway.routing;

import dev.tollgate.gateway.provider.ProviderClient;
import dev.tollgate.model.route.PriceVersion;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One deployment ready to be called: its client, what it is sent as, and what it costs.
 *
 * @param key what its health and statistics are kept under: the published deployment id, or {@code static:<model>}
 * @param deploymentId the published deployment; {@code null} for a static route
 * @param client the client of its upstream
 * @param upstreamModel the model name the upstream is sent (a static route forwards the public name)
 * @param prices its price versions; empty for a static route
 * @param weight its share of traffic under the weighted strategy (and among equal priorities)
 * @param priority its place under the priority strategy, lowest first
 */
public record Target(
        String key,
        @Nullable String deploymentId,
        ProviderClient client,
        String upstreamModel,
        List<PriceVersion> prices,
        int weight,
        int priority) {

    public Target {
        prices = List.copyOf(prices);
    }

    /** The only target of a static route, which has no deployment of its own. */
    static Target ofStatic(String model, ProviderClient client) {
        return new Target("static:" + model, null, client, model, List.of(), 1, 0);
    }

    /** The provider type, a metric tag and what {@code x-tollgate-provider} says. */
    public String provider() {
        return client.provider();
    }
}
