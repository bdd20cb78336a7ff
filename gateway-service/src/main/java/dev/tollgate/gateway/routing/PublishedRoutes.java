package dev.tollgate.gateway.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.redis.PublishedConfig;
import dev.tollgate.model.config.ConfigChange;
import dev.tollgate.model.config.ConfigKeys;
import dev.tollgate.model.route.ModelRoute;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Published routes by public model name, and the set of published names, with a local cache in front of Redis that
 * remembers unpublished names too (static models are asked for on every request). Change announcements drop entries
 * at once, closing their clients' credentials with them. Fails closed: while Redis is unreachable an entry past its TTL
 * is used for up to {@code max-stale}, after which the request gets 503.
 */
@Component
class PublishedRoutes {

    private static final String NAMES = "";

    private final PublishedConfig config;
    private final DeploymentClients clients;
    private final RoutingProperties properties;
    private final Cache<String, RouteEntry> routes;
    private final Cache<String, NamesEntry> names;
    // Bumped by every invalidation, so a lookup that raced with one does not cache what it read before it.
    private final AtomicLong generation = new AtomicLong();

    PublishedRoutes(PublishedConfig config, DeploymentClients clients, RoutingProperties properties) {
        this.config = config;
        this.clients = clients;
        this.properties = properties;
        this.routes = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(properties.maxStale())
                .build();
        this.names =
                Caffeine.newBuilder().expireAfterWrite(properties.maxStale()).build();
    }

    /** The published route of {@code model}; empty when it is not published. */
    Mono<Route> find(String model) {
        RouteEntry cached = routes.getIfPresent(model);
        if (cached != null && cached.youngerThan(properties.cacheTtl())) {
            return cached.asMono();
        }
        return load(model)
                .onErrorResume(GatewayException.class, failure -> staleOr(cached, failure))
                .flatMap(RouteEntry::asMono);
    }

    /** Every published public model name. */
    Mono<Set<String>> names() {
        NamesEntry cached = names.getIfPresent(NAMES);
        if (cached != null && cached.youngerThan(properties.cacheTtl())) {
            return Mono.just(cached.names());
        }
        return loadNames()
                .onErrorResume(GatewayException.class, failure -> staleOr(cached, failure))
                .map(NamesEntry::names);
    }

    @EventListener
    void on(ConfigChange change) {
        switch (change.kind()) {
            case ConfigChange.ROUTE -> forget(change.id());
            case ConfigChange.ALL -> forgetAll();
            default -> {} // other kinds are other caches' business
        }
    }

    private void forget(String model) {
        generation.incrementAndGet();
        routes.invalidate(model);
        names.invalidateAll();
    }

    private void forgetAll() {
        generation.incrementAndGet();
        routes.invalidateAll();
        names.invalidateAll();
    }

    private Mono<RouteEntry> load(String model) {
        long seen = generation.get();
        return config.document(ConfigKeys.route(model), ModelRoute.class)
                .map(published -> RouteEntry.of(clients.routeFor(model, published)))
                .defaultIfEmpty(RouteEntry.of(null))
                .map(entry -> remembered(routes, model, entry, seen));
    }

    private Mono<NamesEntry> loadNames() {
        long seen = generation.get();
        return config.members(ConfigKeys.ROUTES)
                .map(NamesEntry::of)
                .map(entry -> remembered(names, NAMES, entry, seen));
    }

    private <T> T remembered(Cache<String, T> cache, String key, T entry, long seen) {
        if (generation.get() == seen) {
            cache.put(key, entry);
        }
        return entry;
    }

    private static <T> Mono<T> staleOr(@Nullable T cached, GatewayException failure) {
        boolean usable = cached != null && failure.code() == ErrorCode.CONFIG_UNAVAILABLE;
        return usable ? Mono.just(cached) : Mono.error(failure);
    }

    /**
     * The published names as last read.
     *
     * @param names the names
     * @param loadedAtNanos when they were read, by {@link System#nanoTime()}
     */
    record NamesEntry(Set<String> names, long loadedAtNanos) {

        static NamesEntry of(Set<String> names) {
            return new NamesEntry(Set.copyOf(names), System.nanoTime());
        }

        boolean youngerThan(java.time.Duration age) {
            return System.nanoTime() - loadedAtNanos < age.toNanos();
        }
    }
}
