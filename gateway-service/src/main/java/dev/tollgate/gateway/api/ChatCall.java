package dev.tollgate.gateway.api;

import dev.tollgate.gateway.auth.Caller;
import dev.tollgate.gateway.provider.CallContext;
import dev.tollgate.gateway.provider.ProviderClient;
import dev.tollgate.gateway.usage.MeteredCall;
import dev.tollgate.gateway.usage.UsageHold;
import dev.tollgate.model.openai.ChatCompletionRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * A chat request routed to its provider and metered.
 *
 * @param request the validated request
 * @param provider the provider that serves its model
 * @param context what the provider may know of the call
 * @param metered its usage so far, prompt tokens counted
 * @param exchange the HTTP exchange, for metrics
 * @param caller who sent it, for the key's limits
 */
record ChatCall(
        ChatCompletionRequest request,
        ProviderClient provider,
        CallContext context,
        MeteredCall metered,
        ServerWebExchange exchange,
        Caller caller) {

    /** The call with its request replaced, such as with the key's output cap applied. */
    ChatCall withRequest(ChatCompletionRequest changed) {
        return new ChatCall(changed, provider, context, metered, exchange, caller);
    }

    /** The call admitted, holding what admission reserved until its usage event is written. */
    ChatCall holding(UsageHold hold) {
        return new ChatCall(request, provider, context, metered.holding(hold), exchange, caller);
    }
}
