package dev.tollgate.gateway.api;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code x-request-id}: the caller's own when it is a sane token, a new UUID otherwise, and
 * returns it on every response, errors included.
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {

    static final String HEADER = "x-request-id";
    private static final String ATTRIBUTE = RequestIdFilter.class.getName();
    // Ids end up in logs and upstream headers: no spaces, no control characters, bounded length.
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = requestIdFrom(exchange);
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().getHeaders().set(HEADER, id);
        return chain.filter(exchange);
    }

    static String of(ServerWebExchange exchange) {
        return exchange.getAttributeOrDefault(ATTRIBUTE, "unknown");
    }

    private static String requestIdFrom(ServerWebExchange exchange) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        return given != null && SAFE_ID.matcher(given).matches()
                ? given
                : randomUuid().toString();
    }

    // UUID.randomUUID() reads /dev/urandom through a blocking stream; an id needs uniqueness, not secrecy.
    private static UUID randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low);
    }
}
