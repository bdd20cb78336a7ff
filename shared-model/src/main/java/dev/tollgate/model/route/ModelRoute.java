package dev.tollgate.model.route;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A public model name (what clients send as {@code model}), the deployments that can serve it, how one is chosen, and
 * what happens when they fail.
 *
 * @param name the public model name
 * @param strategy how a deployment is chosen, one of {@link #STRATEGIES}: {@code priority} (lowest priority first;
 *     equal priorities share by weight), {@code weighted} (at random by weight: A/B tests and canaries),
 *     {@code latency} (lowest moving average of time to first token), {@code least-busy} (fewest requests in flight)
 *     or {@code cost} (cheapest price in force)
 * @param deployments the candidates
 * @param retry how often a failed attempt is retried on this model's deployments; {@code null} for the gateway's
 *     default
 * @param fallbacks other public models tried in order when this one fails in a way a fallback lists; empty for none
 * @param cache how the response cache treats this model's requests; {@code null} for the gateway's settings
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelRoute(
        String name,
        String strategy,
        List<Deployment> deployments,
        @Nullable RetryPolicy retry,
        List<Fallback> fallbacks,
        @Nullable CacheSettings cache) {

    public static final String PRIORITY = "priority";
    public static final String WEIGHTED = "weighted";
    public static final String LATENCY = "latency";
    public static final String LEAST_BUSY = "least-busy";
    public static final String COST = "cost";

    /** Every strategy the gateway knows; an unknown one is read as {@link #PRIORITY}. */
    public static final Set<String> STRATEGIES = Set.of(PRIORITY, WEIGHTED, LATENCY, LEAST_BUSY, COST);

    public ModelRoute {
        deployments = deployments == null ? List.of() : List.copyOf(deployments);
        fallbacks = fallbacks == null ? List.of() : List.copyOf(fallbacks);
    }

    /** A route with the gateway's default retries and no fallbacks. */
    public ModelRoute(String name, String strategy, List<Deployment> deployments) {
        this(name, strategy, deployments, null, List.of(), null);
    }
}
