package dev.tollgate.admin.security;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Counts failed console sign-ins per email and client address, in memory: after {@code maxLoginFailures} within
 * {@code loginFailureWindow}, that pair is refused until the oldest failure ages out. In memory is enough for one
 * admin instance; behind several, each counts on its own, which still bounds guessing per instance.
 */
class LoginThrottle {

    /** Above this many tracked pairs, aged-out ones are swept so a spray of emails cannot grow the map forever. */
    private static final int SWEEP_ABOVE = 10_000;

    private final ConsoleProperties properties;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(ConsoleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether the sign-in posted in {@code exchange} must be refused without checking its password. */
    Mono<Boolean> refuses(ServerWebExchange exchange) {
        if (!isLoginPost(exchange)) {
            return Mono.just(false);
        }
        return keyOf(exchange).map(key -> recent(key) >= properties.maxLoginFailures());
    }

    /** Counts a failure; answers whether the pair is now locked out. */
    Mono<Boolean> failed(ServerWebExchange exchange) {
        return keyOf(exchange).map(this::recordFailure);
    }

    Mono<Void> succeeded(ServerWebExchange exchange) {
        return keyOf(exchange).doOnNext(failures::remove).then();
    }

    boolean recordFailure(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, ignored -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
        }
        if (failures.size() > SWEEP_ABOVE) {
            failures.keySet().removeIf(other -> recent(other) == 0);
        }
        return recent(key) >= properties.maxLoginFailures();
    }

    int recent(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(properties.loginFailureWindow());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
                times.removeFirst();
            }
            return times.size();
        }
    }

    static String key(@Nullable String email, @Nullable String address) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return normalized + "|" + (address == null ? "?" : address);
    }

    private static boolean isLoginPost(ServerWebExchange exchange) {
        return HttpMethod.POST.equals(exchange.getRequest().getMethod())
                && "/login"
                        .equals(exchange.getRequest()
                                .getPath()
                                .pathWithinApplication()
                                .value());
    }

    private static Mono<String> keyOf(ServerWebExchange exchange) {
        // The form data is cached by the exchange, so reading it here leaves it for the form-login filter.
        return exchange.getFormData().map(form -> key(email(form), address(exchange)));
    }

    private static @Nullable String email(MultiValueMap<String, String> form) {
        return form.getFirst("username");
    }

    private static @Nullable String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null
                ? null
                : remote.getAddress().getHostAddress();
    }
}
