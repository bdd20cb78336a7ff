package dev.tollgate.gateway.cache.semantic;

import dev.tollgate.gateway.cache.semantic.VectorBuckets.Match;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Where semantic entries are kept and searched. {@link LocalSemanticIndex} searches in process, over entries persisted
 * in Redis and rebuilt from there; an implementation on the server's own vector search (RediSearch {@code FT.SEARCH}
 * KNN over the same hashes) fits behind the same methods.
 */
interface SemanticIndex {

    /** The best entry of the plan's scope at or above its threshold; empty when there is none. */
    Mono<Match> nearest(SemanticPlan plan, float[] vector);

    /** Keeps {@code entry} for {@code ttl}. */
    Mono<Void> add(SemanticEntry entry, Duration ttl);

    /** Drops an entry whose answer is gone. */
    void forget(String entryKey);

    /** Drops a tenant's entries from memory (their Redis keys are purged with the exact cache's). */
    void purge(String tenantId);

    /** Drops a route's entries, in every tenant, from memory. */
    void purgeRoute(String routeTag);
}
