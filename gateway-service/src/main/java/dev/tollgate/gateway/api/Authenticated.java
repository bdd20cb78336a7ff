package dev.tollgate.gateway.api;

import dev.tollgate.gateway.auth.Caller;
import dev.tollgate.gateway.usage.UsageContext;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * A request whose key was accepted: from here on it is metered, and however it ends it leaves one usage event.
 *
 * @param caller who sent it
 * @param usage its usage identity
 * @param http the request
 */
record Authenticated(Caller caller, UsageContext usage, ServerRequest http) {

    static Authenticated of(Caller caller, ServerRequest http) {
        UsageContext usage = UsageContext.of(
                caller, RequestIdFilter.of(http.exchange()), http.headers().asHttpHeaders());
        return new Authenticated(caller, usage, http);
    }
}
