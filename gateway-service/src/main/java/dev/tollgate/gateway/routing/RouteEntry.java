package dev.tollgate.gateway.routing;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * What a lookup of one public model name found, cached as it is, including finding nothing.
 *
 * @param route the route, {@code null} when the name is not published
 * @param loadedAtNanos when it was read from Redis, by {@link System#nanoTime()}
 */
record RouteEntry(@Nullable Route route, long loadedAtNanos) {

    static RouteEntry of(@Nullable Route route) {
        return new RouteEntry(route, System.nanoTime());
    }

    Mono<Route> asMono() {
        return Mono.justOrEmpty(route);
    }

    boolean youngerThan(Duration age) {
        return System.nanoTime() - loadedAtNanos < age.toNanos();
    }
}
