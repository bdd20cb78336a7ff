package dev.tollgate.gateway.api;

import dev.tollgate.gateway.auth.Caller;
import dev.tollgate.gateway.guardrail.ResponseGuard;
import dev.tollgate.gateway.guardrail.Screened;
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
 * @param guard what the guardrails do to its answer; {@link ResponseGuard#NONE} until it is screened
 * @param <T> the body's contract record
 */
record CallerRequest<T>(
        Caller caller, T request, MeteredCall metered, ServerWebExchange exchange, ResponseGuard guard) {

    CallerRequest(Caller caller, T request, MeteredCall metered, ServerWebExchange exchange) {
        this(caller, request, metered, exchange, ResponseGuard.NONE);
    }

    /** The request as its guardrails let it go on, with the guard of its answer. */
    CallerRequest<T> screened(Screened<T> screened) {
        return new CallerRequest<>(caller, screened.request(), metered, exchange, screened.guard());
    }

    CallContext context() {
        return new CallContext(RequestIdFilter.of(exchange));
    }
}
