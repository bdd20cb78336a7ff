package dev.tollgate.gateway.cache;

import dev.tollgate.gateway.cache.semantic.SemanticCache;
import dev.tollgate.gateway.redis.BlockingRedis;
import dev.tollgate.gateway.redis.PublishedConfig;
import dev.tollgate.model.config.ConfigChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Purges cached answers when the control plane announces it on the change channel: a tenant's with
 * {@code {"kind":"cache","id":"<tenant_id>"}}, a route's (in every tenant) with
 * {@code {"kind":"cache-route","id":"<public model>"}}. Matching keys are found by {@code SCAN} and unlinked.
 * Other kinds, {@code all} (sent after every resubscription) included, leave the cache alone: cached answers do not
 * depend on published configuration except through the routed model, which is part of their key. The semantic
 * cache's entries live under the same prefixes, so the same {@code SCAN} removes them from Redis; its in-process index
 * is purged here too, on every instance, since each receives the announcement.
 */
@Component
class CachePurge {

    private static final Logger log = LoggerFactory.getLogger(CachePurge.class);

    private final BlockingRedis redis;
    private final SemanticCache semantic;

    CachePurge(BlockingRedis redis, SemanticCache semantic) {
        this.redis = redis;
        this.semantic = semantic;
    }

    @EventListener
    void on(ConfigChange change) {
        if (change.id().isBlank()) {
            return;
        }
        switch (change.kind()) {
            case PublishedConfig.CACHE_PURGE -> {
                semantic.purge(change.id());
                purge(CacheKeys.tenantPattern(change.id()), change);
            }
            case PublishedConfig.CACHE_ROUTE_PURGE -> {
                semantic.purgeRoute(CacheKeys.routeTag(change.id()));
                purge(CacheKeys.routePattern(change.id()), change);
            }
            default -> {}
        }
    }

    // Nothing waits for the purge: the announcement arrives on the subscriber thread, which must not block.
    private void purge(String pattern, ConfigChange change) {
        redis.unlinkMatching(pattern).subscribe(purged -> purged(change, purged), failure -> failed(change, failure));
    }

    private static void purged(ConfigChange change, long purged) {
        log.info("purged {} cached answers ({} {})", purged, change.kind(), change.id());
    }

    private static void failed(ConfigChange change, Throwable failure) {
        log.warn("cache purge ({} {}) failed: {}", change.kind(), change.id(), failure.toString());
    }
}
