package dev.tollgate.admin.security;

import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Keeps console sessions in the web session, but re-reads the signed-in user on every request: a disabled user's
 * session stops working at once, and a changed role or tenant applies from the next page on.
 */
class SessionCallerRepository implements ServerSecurityContextRepository {

    private final ServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
    private final AdminUserRepository users;

    SessionCallerRepository(AdminUserRepository users) {
        this.users = users;
    }

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return sessions.save(exchange, context);
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        return sessions.load(exchange).flatMap(this::current);
    }

    private Mono<SecurityContext> current(SecurityContext stored) {
        Authentication authentication = stored.getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Caller caller)) {
            return Mono.just(stored);
        }
        return users.findEnabled(caller.userId()).map(SessionCallerRepository::contextOf);
    }

    static SecurityContext contextOf(Caller caller) {
        return new SecurityContextImpl(authenticated(caller));
    }

    /** The authentication of a console user: the {@link Caller} and its role, no credentials. */
    static Authentication authenticated(Caller caller) {
        var authority = new SimpleGrantedAuthority("ROLE_" + caller.role().name());
        return UsernamePasswordAuthenticationToken.authenticated(caller, null, List.of(authority));
    }
}
