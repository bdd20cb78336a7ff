package dev.tollgate.usage.access;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;

/** The caller of the request being handled. */
public final class Callers {

    private Callers() {}

    /** The authenticated caller; empty only on the open actuator paths. */
    public static Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .ofType(CallerAuthentication.class)
                .map(CallerAuthentication::getPrincipal);
    }
}
