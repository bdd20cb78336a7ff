package dev.tollgate.gateway.api;

import dev.tollgate.gateway.auth.Caller;
import dev.tollgate.gateway.provider.CallContext;
import dev.tollgate.gateway.usage.MeteredCall;
import org.springframework.web.server.ServerWebExchange;

/**
 * An authenticated, validated request on its way to being routed.
 *
 * @param caller who sent it
 * @param request the validated body
 * @param metered what its usage event knows so far
 * @param exchange the HTTP exchange, for request id and metrics
 * @param <T> the body's contract record
 */
record CallerRequest<T>(Caller caller, T request, MeteredCall metered, ServerWebExchange exchange) {

    CallContext context() {
        return new CallContext(RequestIdFilter.of(exchange));
    }
}
