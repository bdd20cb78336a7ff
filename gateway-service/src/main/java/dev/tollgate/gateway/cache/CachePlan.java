package dev.tollgate.gateway.cache;

import dev.tollgate.gateway.cache.semantic.SemanticPlan;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What the cache does for one request that may be cached.
 *
 * @param key the Redis key of its answer, scoped by tenant
 * @param lookup whether a stored answer may be served; {@code false} for {@code refresh}, which only stores
 * @param ttl how long its answer is kept
 * @param semantic what the semantic cache does for it; {@code null} when it is off for the request or its prompt does
 *     not qualify (the last message is not a user's text)
 */
public record CachePlan(
        String key, boolean lookup, Duration ttl, @Nullable SemanticPlan semantic) {}
