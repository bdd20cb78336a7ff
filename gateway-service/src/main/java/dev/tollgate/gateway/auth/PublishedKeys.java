package dev.tollgate.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.redis.PublishedConfig;
import dev.tollgate.model.config.ConfigChange;
import dev.tollgate.model.config.ConfigKeys;
import dev.tollgate.model.key.KeyPrincipal;
import dev.tollgate.model.tenant.TenantSnapshot;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Published keys by hash, with a local cache of found and unknown keys in front of Redis. Change announcements drop
 * entries at once; the TTL bounds what a missed announcement can cost. Fails closed: when Redis cannot be reached, an
 * entry past its TTL is still used for up to {@code max-stale}, and an uncached key is refused with 503.
 */
@Component
class PublishedKeys {

    // No tenant has this id: an unknown key still costs the same two reads as a known one.
    private static final String NO_TENANT = "-";

    private final PublishedConfig config;
    private final AuthProperties properties;
    private final Cache<String, KeyEntry> cache;
    // Bumped by every invalidation, so a lookup that raced with one does not cache what it read before it.
    private final AtomicLong generation = new AtomicLong();

    PublishedKeys(PublishedConfig config, AuthProperties properties) {
        this.config = config;
        this.properties = properties;
        this.cache = Caffeine.newBuilder()
                .maximumSize(properties.cacheSize())
                .expireAfterWrite(properties.maxStale())
                .build();
    }

    Mono<KeyEntry> find(String hash) {
        KeyEntry cached = cache.getIfPresent(hash);
        if (cached != null && cached.youngerThan(properties.cacheTtl())) {
            return Mono.just(cached);
        }
        return load(hash).onErrorResume(GatewayException.class, failure -> staleOr(cached, failure));
    }

    @EventListener
    void on(ConfigChange change) {
        generation.incrementAndGet();
        switch (change.kind()) {
            case ConfigChange.KEY -> cache.invalidate(change.id());
            case ConfigChange.TENANT -> cache.asMap().values().removeIf(entry -> entry.belongsTo(change.id()));
            case ConfigChange.ALL -> cache.invalidateAll();
            default -> {} // other kinds are other caches' business
        }
    }

    private Mono<KeyEntry> load(String hash) {
        long seen = generation.get();
        return config.document(ConfigKeys.key(hash), KeyPrincipal.class)
                .singleOptional()
                .flatMap(this::withTenant)
                .map(entry -> remembered(hash, entry, seen));
    }

    private Mono<KeyEntry> withTenant(Optional<KeyPrincipal> key) {
        String tenantId = key.map(KeyPrincipal::tenantId).orElse(NO_TENANT);
        return config.document(ConfigKeys.tenant(tenantId), TenantSnapshot.class)
                .singleOptional()
                .map(tenant -> KeyEntry.of(key, tenant));
    }

    private KeyEntry remembered(String hash, KeyEntry entry, long seen) {
        if (generation.get() == seen) {
            cache.put(hash, entry);
        }
        return entry;
    }

    private Mono<KeyEntry> staleOr(@Nullable KeyEntry cached, GatewayException failure) {
        boolean usable = cached != null && failure.code() == ErrorCode.CONFIG_UNAVAILABLE;
        return usable ? Mono.just(cached) : Mono.error(failure);
    }
}
