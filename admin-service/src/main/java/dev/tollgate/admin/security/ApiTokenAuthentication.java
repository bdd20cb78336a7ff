package dev.tollgate.admin.security;

import dev.tollgate.admin.security.AdminUserRepository.TokenGrant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code Authorization: Bearer <token>}: the token is hashed and looked up, never compared in plain. The principal of
 * an authenticated request is its {@link Caller}; its authorities are the user's role and the token's scope.
 */
class ApiTokenAuthentication implements ReactiveAuthenticationManager, ServerAuthenticationConverter {

    /** Authority prefix of a token's scope; {@code SCOPE_write} is needed for anything but GET. */
    static final String SCOPE = "SCOPE_";

    private static final String BEARER = "Bearer ";

    private final AdminUserRepository users;

    ApiTokenAuthentication(AdminUserRepository users) {
        this.users = users;
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Mono.empty();
        }
        String token = header.substring(BEARER.length()).strip();
        return Mono.just(UsernamePasswordAuthenticationToken.unauthenticated(token, token));
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        String token = String.valueOf(authentication.getCredentials());
        return users.findByTokenHash(TokenHashes.sha256(token))
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("Unknown, expired or revoked API token")))
                .map(ApiTokenAuthentication::authenticated);
    }

    private static Authentication authenticated(TokenGrant grant) {
        var role = new SimpleGrantedAuthority("ROLE_" + grant.caller().role().name());
        var scope = new SimpleGrantedAuthority(SCOPE + grant.scope());
        return UsernamePasswordAuthenticationToken.authenticated(grant.caller(), null, List.of(role, scope));
    }
}
