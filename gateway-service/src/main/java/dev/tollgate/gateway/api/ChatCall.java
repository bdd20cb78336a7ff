package dev.tollgate.gateway.api;

import dev.tollgate.gateway.auth.Caller;
import dev.tollgate.gateway.cache.CachePlan;
import dev.tollgate.gateway.guardrail.ResponseGuard;
import dev.tollgate.gateway.provider.CallContext;
import dev.tollgate.gateway.routing.AttemptTrace;
import dev.tollgate.gateway.routing.Route;
import dev.tollgate.gateway.usage.MeteredCall;
import dev.tollgate.gateway.usage.UsageHold;
import dev.tollgate.model.openai.ChatCompletionRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/**
 * A chat request routed to its provider and metered.
 *
 * @param request the validated request
 * @param route the deployments that may serve its model, and its retries and fallbacks
 * @param context what the provider may know of the call
 * @param metered its usage so far, prompt tokens counted
 * @param exchange the HTTP exchange, for metrics
 * @param caller who sent it, for the key's limits
 * @param cache what the response cache does for it, {@code null} when it is not cached
 * @param guard what the guardrails do to its answer
 * @param dialect the API it arrived in, which its answer leaves in
 */
record ChatCall(
        ChatCompletionRequest request,
        Route route,
        CallContext context,
        MeteredCall metered,
        ServerWebExchange exchange,
        Caller caller,
        @Nullable CachePlan cache,
        ResponseGuard guard,
        ChatDialect dialect) {

    /** The call with its request replaced, such as with the key's output cap applied. */
    ChatCall withRequest(ChatCompletionRequest changed) {
        return new ChatCall(changed, route, context, metered, exchange, caller, cache, guard, dialect);
    }

    /** The call admitted, holding what admission reserved until its usage event is written. */
    ChatCall holding(UsageHold hold) {
        return new ChatCall(request, route, context, metered.holding(hold), exchange, caller, cache, guard, dialect);
    }

    /** Its upstream attempts, which the routing step started. */
    AttemptTrace attempts() {
        return java.util.Objects.requireNonNull(metered.attempts(), "a routed call has its attempts");
    }

    /** The call with nothing stored for it, such as when its request was changed for its key only. */
    ChatCall uncached() {
        return new ChatCall(request, route, context, metered, exchange, caller, null, guard, dialect);
    }

    /** Where its answer may be kept: nowhere once a guardrail flagged its request or its answer. */
    @Nullable
    CachePlan storable() {
        return metered.guardrails().flagged() ? null : cache;
    }
}
