package dev.tollgate.gateway.usage;

import dev.tollgate.gateway.routing.Target;
import dev.tollgate.model.route.PriceVersion;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a routed request is billed against.
 *
 * @param deploymentId the published deployment; {@code null} for a static route
 * @param provider the provider type
 * @param upstreamModel the model name sent upstream, which also picks the tokenizer
 * @param prices the deployment's price versions, in any order
 */
public record Billing(@Nullable String deploymentId, String provider, String upstreamModel, List<PriceVersion> prices) {

    static final String MOCK = "mock";

    public static Billing of(Target target) {
        return new Billing(target.deploymentId(), target.provider(), target.upstreamModel(), target.prices());
    }

    /** The built-in mock is free by definition, whatever is or is not published for it. */
    boolean free() {
        return MOCK.equals(provider);
    }
}
