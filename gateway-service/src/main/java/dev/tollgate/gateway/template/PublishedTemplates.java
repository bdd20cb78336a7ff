package dev.tollgate.gateway.template;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.redis.BlockingRedis;
import dev.tollgate.model.config.ConfigChange;
import dev.tollgate.model.prompt.TemplateKeys;
import dev.tollgate.model.prompt.TemplateSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Published prompt templates by owner and name, cached in front of Redis: the tenant's own template shadows a
 * platform-wide one of the same name, and both are read with one {@code MGET}. Absent templates are cached as such,
 * so a platform-wide template costs no Redis read per request either. Change announcements drop entries at once.
 * <b>Fails closed</b>: when Redis cannot be reached, entries past their TTL are used for up to {@code max-stale};
 * with nothing cached the request is refused with 503 {@code config_unavailable}, as unknown keys are.
 */
@Component
class PublishedTemplates {

    private static final Logger log = LoggerFactory.getLogger(PublishedTemplates.class);

    private final BlockingRedis redis;
    private final TemplateProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Cache<String, Entry> cache;
    // Bumped by every invalidation, so a load that raced with one does not cache what it read before it.
    private final AtomicLong generation = new AtomicLong();

    PublishedTemplates(BlockingRedis redis, TemplateProperties properties) {
        this.redis = redis;
        this.properties = properties;
        this.cache = Caffeine.newBuilder()
                .maximumSize(properties.cacheSize())
                .expireAfterWrite(properties.maxStale())
                .build();
    }

    /** The template {@code name} of {@code tenantId}, else the platform-wide one; empty when neither exists. */
    Mono<TemplateSnapshot> find(String tenantId, String name) {
        String own = TemplateKeys.template(tenantId, name);
        String global = TemplateKeys.template(null, name);
        Entry forTenant = cache.getIfPresent(own);
        Entry forAll = cache.getIfPresent(global);
        if (fresh(forTenant) && fresh(forAll)) {
            return Mono.justOrEmpty(pick(forTenant, forAll));
        }
        return load(own, global)
                .onErrorResume(GatewayException.class, failure -> stale(forTenant, forAll, failure))
                .mapNotNull(Found::snapshot);
    }

    @EventListener
    void on(ConfigChange change) {
        generation.incrementAndGet();
        switch (change.kind()) {
            case TemplateKeys.CHANGE_KIND -> cache.invalidate("tollgate:template:" + change.id());
            case ConfigChange.ALL -> cache.invalidateAll();
            default -> {} // other kinds are other caches' business
        }
    }

    private Mono<Found> load(String own, String global) {
        long seen = generation.get();
        return redis.getAll(List.of(own, global))
                .map(documents -> new Found(
                        pick(remembered(own, documents.get(0), seen), remembered(global, documents.get(1), seen))));
    }

    private Entry remembered(String key, @Nullable String document, long seen) {
        Entry entry = new Entry(document == null ? null : parse(key, document), Instant.now());
        if (generation.get() == seen) {
            cache.put(key, entry);
        }
        return entry;
    }

    private TemplateSnapshot parse(String key, String document) {
        try {
            return json.readValue(document, TemplateSnapshot.class);
        } catch (JacksonException malformed) {
            log.error("published template at {} is malformed: {}", key, malformed.getOriginalMessage());
            throw unavailable(null);
        }
    }

    private Mono<Found> stale(@Nullable Entry forTenant, @Nullable Entry forAll, GatewayException failure) {
        boolean usable = failure.code() == ErrorCode.CONFIG_UNAVAILABLE && forTenant != null && forAll != null;
        return usable ? Mono.just(new Found(pick(forTenant, forAll))) : Mono.error(failure);
    }

    private boolean fresh(@Nullable Entry entry) {
        return entry != null && entry.loadedAt().isAfter(Instant.now().minus(properties.cacheTtl()));
    }

    private static @Nullable TemplateSnapshot pick(Entry forTenant, Entry forAll) {
        return forTenant.snapshot() != null ? forTenant.snapshot() : forAll.snapshot();
    }

    private static GatewayException unavailable(@Nullable Throwable cause) {
        return GatewayException.upstream(
                ErrorCode.CONFIG_UNAVAILABLE, "The gateway's configuration is invalid; please retry shortly.", cause);
    }

    /** A cached lookup of one Redis key; {@code snapshot} is {@code null} when nothing is published there. */
    private record Entry(@Nullable TemplateSnapshot snapshot, Instant loadedAt) {}

    /** What a load found, so that "nothing" can travel through a {@code Mono}. */
    private record Found(@Nullable TemplateSnapshot snapshot) {}
}
