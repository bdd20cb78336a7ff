package dev.tollgate.gateway.api;

import dev.tollgate.gateway.auth.Caller;
import dev.tollgate.gateway.provider.CallContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * An authenticated, validated request on its way to being routed.
 *
 * @param caller who sent it
 * @param request the validated body
 * @param exchange the HTTP exchange, for request id and metrics
 * @param <T> the body's contract record
 */
record CallerRequest<T>(Caller caller, T request, ServerWebExchange exchange) {

    CallContext context() {
        return new CallContext(RequestIdFilter.of(exchange));
    }
}
