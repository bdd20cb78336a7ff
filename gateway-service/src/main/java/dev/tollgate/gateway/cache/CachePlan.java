package dev.tollgate.gateway.cache;

import java.time.Duration;

/**
 * What the cache does for one request that may be cached.
 *
 * @param key the Redis key of its answer, scoped by tenant
 * @param lookup whether a stored answer may be served; {@code false} for {@code refresh}, which only stores
 * @param ttl how long its answer is kept
 */
public record CachePlan(String key, boolean lookup, Duration ttl) {}
