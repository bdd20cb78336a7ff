package dev.tollgate.admin.security;

import java.net.URI;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Wires {@link LoginThrottle} into form login: a filter in front of it that refuses a locked-out pair before its
 * password is checked, and the failure and success handlers that count and reset. Not a bean, so Boot does not also
 * install the filter in front of every request.
 */
final class ThrottledLogin {

    private static final URI LOCKED = URI.create("/login?locked");
    private static final URI FAILED = URI.create("/login?error");

    private final LoginThrottle throttle;
    private final ServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();
    private final RedirectServerAuthenticationSuccessHandler home = new RedirectServerAuthenticationSuccessHandler("/");

    ThrottledLogin(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return throttle.refuses(exchange).flatMap(refused -> refused ? locked(exchange) : chain.filter(exchange));
    }

    Mono<Void> onFailure(WebFilterExchange webExchange, AuthenticationException failure) {
        ServerWebExchange exchange = webExchange.getExchange();
        return throttle.failed(exchange)
                .flatMap(nowLocked -> redirect.sendRedirect(exchange, nowLocked ? LOCKED : FAILED));
    }

    Mono<Void> onSuccess(WebFilterExchange webExchange, Authentication authentication) {
        return throttle.succeeded(webExchange.getExchange())
                .then(Mono.defer(() -> home.onAuthenticationSuccess(webExchange, authentication)));
    }

    private Mono<Void> locked(ServerWebExchange exchange) {
        return redirect.sendRedirect(exchange, LOCKED);
    }
}
