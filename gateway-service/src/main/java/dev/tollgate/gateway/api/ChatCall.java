package dev.tollgate.gateway.api;

import dev.tollgate.gateway.provider.CallContext;
import dev.tollgate.gateway.provider.ProviderClient;
import dev.tollgate.gateway.usage.MeteredCall;
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
 */
record ChatCall(
        ChatCompletionRequest request,
        ProviderClient provider,
        CallContext context,
        MeteredCall metered,
        ServerWebExchange exchange) {}
