package dev.tollgate.gateway.provider.gemini;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.provider.CallContext;
import dev.tollgate.gateway.provider.ProviderClient;
import dev.tollgate.gateway.provider.UpstreamTimeouts;
import dev.tollgate.gateway.provider.gemini.GeminiEmbedding.BatchRequest;
import dev.tollgate.gateway.provider.gemini.GeminiEmbedding.BatchResponse;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.EmbeddingRequest;
import dev.tollgate.model.openai.EmbeddingResponse;
import java.net.URI;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One Gemini deployment: its address, key and model, and the adapter's shared WebClient. Requests are translated to
 * Gemini's protocol and answers back to OpenAI's; a request Gemini cannot serve fails with a 400 before anything is
 * sent. The caller's own headers are never forwarded.
 */
final class GeminiProviderClient implements ProviderClient {

    static final String TYPE = "gemini";
    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE =
            new ParameterizedTypeReference<>() {};

    private final WebClient webClient;
    private final OpenAiJson json;
    private final UpstreamTimeouts timeouts;
    private final GeminiTarget target;
    private final GeminiResponses responses;

    GeminiProviderClient(WebClient webClient, OpenAiJson json, UpstreamTimeouts timeouts, GeminiTarget target) {
        this.webClient = webClient;
        this.json = json;
        this.timeouts = timeouts;
        this.target = target;
        this.responses = new GeminiResponses(TYPE, json);
    }

    @Override
    public String provider() {
        return TYPE;
    }

    @Override
    public Mono<ChatCompletion> complete(ChatCompletionRequest request, CallContext context) {
        return translated(request)
                .flatMap(body -> generate(body, context))
                .map(responses::checkedCompletion)
                .map(response -> GeminiResponseMapper.toChatCompletion(response, target.model(), now()))
                .transform(timeouts.forCall(provider()));
    }

    @Override
    public Flux<ChatCompletionChunk> stream(ChatCompletionRequest request, CallContext context) {
        return translated(request)
                .flatMapMany(body -> events(body, context))
                .transform(timeouts.forStream(provider()))
                // Comments and data-less events are keep-alives: activity for the idle timeout above, then dropped.
                .filter(event -> event.data() != null)
                .map(responses::checkedEvent)
                .transform(this::translatedStream);
    }

    @Override
    public Mono<EmbeddingResponse> embed(EmbeddingRequest request, CallContext context) {
        return Mono.fromCallable(() -> GeminiEmbeddingMapper.toBatches(request, target.resourceName()))
                .flatMapIterable(batches -> batches)
                .concatMap(batch -> embedBatch(batch, context))
                .collectList()
                .map(answers -> GeminiEmbeddingMapper.toEmbeddingResponse(answers, request, target.model()))
                .transform(timeouts.forCall(provider()));
    }

    // Translated when subscribed, so a request Gemini cannot serve fails as an error signal, not a throw.
    private static Mono<GeminiRequest> translated(ChatCompletionRequest request) {
        return Mono.fromCallable(() -> GeminiMapper.toRequest(request));
    }

    private Mono<GeminiResponse> generate(GeminiRequest body, CallContext context) {
        return post(target.uri(GeminiTarget.GENERATE), body, context, MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> responses.json(response, GeminiResponse.class));
    }

    private Flux<ServerSentEvent<String>> events(GeminiRequest body, CallContext context) {
        return post(target.uri(GeminiTarget.STREAM), body, context, MediaType.TEXT_EVENT_STREAM)
                .exchangeToFlux(this::eventsOf);
    }

    private Flux<ServerSentEvent<String>> eventsOf(ClientResponse response) {
        return responses.eventStream(response).flatMapMany(ok -> ok.bodyToFlux(SSE));
    }

    // Gemini ends a stream by closing it, without a [DONE]; the translator judges whether it was complete. Deferred:
    // one translator per subscription, as it keeps the stream's state.
    private Flux<ChatCompletionChunk> translatedStream(Flux<GeminiResponse> events) {
        return Flux.defer(() -> chunks(events));
    }

    private Flux<ChatCompletionChunk> chunks(Flux<GeminiResponse> events) {
        GeminiStreamTranslator translator = new GeminiStreamTranslator(provider(), target.model(), now());
        return events.concatMapIterable(translator::chunks)
                .concatWith(Mono.fromCallable(translator::finish).flatMapIterable(last -> last));
    }

    private Mono<BatchResponse> embedBatch(BatchRequest batch, CallContext context) {
        return post(target.uri(GeminiTarget.EMBED), batch, context, MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> responses.json(response, BatchResponse.class));
    }

    private WebClient.RequestHeadersSpec<?> post(URI uri, Object body, CallContext context, MediaType accept) {
        return webClient
                .post()
                .uri(uri)
                .headers(headers -> upstreamHeaders(headers, context, accept))
                .bodyValue(json.write(body));
    }

    // Only the gateway's own credentials go upstream; nothing of the caller's headers is forwarded.
    private void upstreamHeaders(HttpHeaders headers, CallContext context, MediaType accept) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(accept));
        headers.set("x-request-id", context.requestId());
        target.authenticate(headers);
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
