package dev.tollgate.gateway.provider.openai;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.provider.CallContext;
import dev.tollgate.gateway.provider.ProviderClient;
import dev.tollgate.gateway.provider.UpstreamTimeouts;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.EmbeddingRequest;
import dev.tollgate.model.openai.EmbeddingResponse;
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
 * One OpenAI-style upstream: its address and key, and the shared WebClient. Requests pass through unchanged except
 * for the model name, which becomes the deployment's; the caller's own headers are never forwarded.
 */
final class OpenAiProviderClient implements ProviderClient {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE =
            new ParameterizedTypeReference<>() {};

    private final WebClient webClient;
    private final OpenAiJson json;
    private final UpstreamTimeouts timeouts;
    private final OpenAiTarget target;
    private final OpenAiResponses responses;

    OpenAiProviderClient(WebClient webClient, OpenAiJson json, UpstreamTimeouts timeouts, OpenAiTarget target) {
        this.webClient = webClient;
        this.json = json;
        this.timeouts = timeouts;
        this.target = target;
        this.responses = new OpenAiResponses(target.provider(), json);
    }

    @Override
    public String provider() {
        return target.provider();
    }

    @Override
    public Mono<ChatCompletion> complete(ChatCompletionRequest request, CallContext context) {
        ChatCompletionRequest upstream = OpenAiMapper.toUpstream(request, target.upstreamModel());
        return post("chat/completions", upstream, context, MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> responses.json(response, ChatCompletion.class))
                .map(responses::checkedCompletion)
                .transform(timeouts.forCall(provider()));
    }

    @Override
    public Flux<ChatCompletionChunk> stream(ChatCompletionRequest request, CallContext context) {
        ChatCompletionRequest upstream = OpenAiMapper.toUpstream(
                request, target.upstreamModel(), !target.quirks().noStreamUsage());
        // Deferred: each subscription gets its own record of what the stream said.
        return Flux.defer(() -> chunks(
                upstream,
                context,
                new OpenAiStreamState(provider(), target.quirks().noDone())));
    }

    private Flux<ChatCompletionChunk> chunks(
            ChatCompletionRequest upstream, CallContext context, OpenAiStreamState state) {
        return post("chat/completions", upstream, context, MediaType.TEXT_EVENT_STREAM)
                .exchangeToFlux(this::events)
                // Completes at [DONE] without passing it on; the gateway writes its own single [DONE].
                .takeWhile(state::beforeDone)
                .transform(timeouts.forStream(provider()))
                // Comments and data-less events (": ping", "event: ping") are keep-alives: they count as activity
                // for the idle timeout above, then are dropped.
                .filter(event -> event.data() != null)
                .map(responses::chunk)
                .map(state::observe)
                // A stream that ended without saying it was complete was cut: ending() is then its error.
                .concatWith(Mono.defer(state::ending))
                .handle(state::foldAnnotations)
                .map(OpenAiMapper::fromUpstream);
    }

    @Override
    public Mono<EmbeddingResponse> embed(EmbeddingRequest request, CallContext context) {
        EmbeddingRequest upstream = OpenAiMapper.toUpstream(request, target.upstreamModel());
        return post("embeddings", upstream, context, MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> responses.json(response, EmbeddingResponse.class))
                .map(responses::checkedEmbedding)
                .transform(timeouts.forCall(provider()));
    }

    private WebClient.RequestHeadersSpec<?> post(String operation, Object body, CallContext context, MediaType accept) {
        return webClient
                .post()
                .uri(target.uri(operation))
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

    private Flux<ServerSentEvent<String>> events(ClientResponse response) {
        return responses.eventStream(response).flatMapMany(ok -> ok.bodyToFlux(SSE));
    }
}
