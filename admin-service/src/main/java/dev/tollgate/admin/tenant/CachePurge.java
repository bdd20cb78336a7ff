package dev.tollgate.admin.tenant;

/**
 * A cache purge sent to every gateway: they drop the matching cached answers as the announcement reaches them.
 *
 * @param scope {@code tenant} or {@code model}
 * @param id the tenant's id or the model's public name
 */
public record CachePurge(String scope, String id) {}
