package dev.tollgate.gateway.cache;

import dev.tollgate.gateway.redis.BlockingRedis;
import dev.tollgate.model.config.ConfigChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Purges a tenant's cached answers when the control plane announces {@code {"kind":"cache","id":"<tenant_id>"}} on
 * the change channel: every key under {@code tollgate:cache:<tenant_id>:} is found by {@code SCAN} and unlinked.
 * Other kinds, {@code all} (sent after every resubscription) included, leave the cache alone: cached answers do not
 * depend on published configuration except through the routed model, which is part of their key.
 */
@Component
public class CachePurge {

    /** The change kind that purges a tenant's cache; its id is the tenant id. */
    public static final String CHANGE_KIND = "cache";

    private static final Logger log = LoggerFactory.getLogger(CachePurge.class);

    private final BlockingRedis redis;

    CachePurge(BlockingRedis redis) {
        this.redis = redis;
    }

    @EventListener
    void on(ConfigChange change) {
        if (CHANGE_KIND.equals(change.kind()) && !change.id().isBlank()) {
            // Nothing waits for the purge: the announcement arrives on the subscriber thread, which must not block.
            redis.unlinkMatching(CacheKeys.tenantPattern(change.id()))
                    .subscribe(
                            purged -> log.info("purged {} cached answers of tenant {}", purged, change.id()),
                            failure ->
                                    log.warn("cache purge of tenant {} failed: {}", change.id(), failure.toString()));
        }
    }
}
