package dev.tollgate.gateway.provider;

import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.EmbeddingRequest;
import dev.tollgate.model.openai.EmbeddingResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The port every provider adapter implements and the only provider type the rest of the gateway sees. An instance
 * serves one upstream (one deployment, or one statically configured account) and knows its address and credentials;
 * callers only pass the request. Adapters speak
 * their provider's protocol, apply their own timeouts, and fail only with
 * {@link dev.tollgate.gateway.error.GatewayException}s built by {@link ProviderErrors}.
 */
public interface ProviderClient {

    /** The provider's name as a metric tag and in {@code owned_by}, such as {@code openai} or {@code mock}. */
    String provider();

    /** One non-streaming chat completion. */
    Mono<ChatCompletion> complete(ChatCompletionRequest request, CallContext context);

    /**
     * A streaming chat completion as chunks, in order, without the {@code [DONE]} terminator. Adapters ask their
     * provider for its usage and pass it on (OpenAI's usage-only last chunk) whether or not the caller asked for it:
     * it is what the gateway meters, and the gateway removes it for callers that did not ask. Cancelling the
     * subscription cancels the upstream call.
     */
    Flux<ChatCompletionChunk> stream(ChatCompletionRequest request, CallContext context);

    /** Embeddings for the request's input. */
    Mono<EmbeddingResponse> embed(EmbeddingRequest request, CallContext context);
}
