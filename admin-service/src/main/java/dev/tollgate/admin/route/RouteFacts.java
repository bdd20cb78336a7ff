package dev.tollgate.admin.route;

import dev.tollgate.model.route.PriceVersion;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What {@link RouteRules} needs to know from the database about one create or update.
 *
 * @param models the fallback targets named in the request that exist, by name
 * @param providers the providers named in the request that exist
 * @param deployments the model's own deployments by id; empty for a new model
 */
record RouteFacts(Map<String, UUID> models, Set<UUID> providers, Map<UUID, StoredDeployment> deployments) {

    /**
     * A deployment as stored.
     *
     * @param prices every price version, oldest first
     */
    record StoredDeployment(UUID id, UUID providerId, List<PriceVersion> prices) {}
}
