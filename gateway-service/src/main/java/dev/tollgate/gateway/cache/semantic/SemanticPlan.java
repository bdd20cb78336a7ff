package dev.tollgate.gateway.cache.semantic;

/**
 * What the semantic cache does for one request.
 *
 * @param entryKey the Redis key of this request's entry, beside its exact answer under the tenant's and route's prefix
 * @param tenantId the tenant; entries are never compared across tenants
 * @param routeTag the route's tag in cache keys, so a route's entries can be purged
 * @param scope a hash of everything but the last user turn that must be equal for two prompts to be compared: the
 *     key (when scoped by key), the routed deployment and model, the parameters, whether it streams, the earlier turns
 *     and the embedding model
 * @param prompt the last user turn, which is embedded
 * @param threshold the similarity at or above which a stored prompt answers this one
 */
public record SemanticPlan(
        String entryKey, String tenantId, String routeTag, String scope, String prompt, double threshold) {}
