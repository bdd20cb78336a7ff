package dev.tollgate.gateway.routing;

import dev.tollgate.model.route.CacheSettings;
import dev.tollgate.model.route.Fallback;
import dev.tollgate.model.route.RetryPolicy;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Where a request for a public model may go: its deployments, how one is chosen, how failures are retried, and which
 * other models it falls back to.
 *
 * @param model the public model name
 * @param ownedBy what {@code /v1/models} shows as {@code owned_by}
 * @param strategy how a deployment is chosen, one of {@code ModelRoute.STRATEGIES}
 * @param targets its deployments that can be called, at least one
 * @param retry its retry policy, the gateway's defaults filled in
 * @param fallbacks the models it falls back to, in order
 * @param cache its response cache settings, {@code null} for the gateway's
 */
public record Route(
        String model,
        String ownedBy,
        String strategy,
        List<Target> targets,
        RetryPolicy retry,
        List<Fallback> fallbacks,
        @Nullable CacheSettings cache) {

    public Route {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a route needs a deployment");
        }
        targets = List.copyOf(targets);
        fallbacks = List.copyOf(fallbacks);
    }

    /**
     * The target a request is first planned against, before strategy and health choose: the one its prompt is
     * counted for and its metrics are tagged with.
     */
    public Target primary() {
        return targets.getFirst();
    }

    /** The provider type of the primary target, a metric tag. */
    public String provider() {
        return primary().provider();
    }

    /**
     * What the response cache keys answers of this route by: every deployment and upstream model that may serve it,
     * so any of them may answer a repeat, and re-pointing the route never serves the old models' answers.
     */
    public String cacheIdentity() {
        return targets.stream()
                .map(target -> target.key() + "=" + target.upstreamModel())
                .sorted()
                .collect(Collectors.joining(","));
    }
}
