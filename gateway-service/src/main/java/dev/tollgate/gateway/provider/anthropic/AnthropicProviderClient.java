package dev.tollgate.gateway.provider.anthropic;

import dev.tollgate.gateway.anthropic.AnthropicMapper;
import dev.tollgate.gateway.anthropic.AnthropicStreamReader;
import dev.tollgate.gateway.anthropic.MessagesRequest;
import dev.tollgate.gateway.anthropic.MessagesResponse;
import dev.tollgate.gateway.anthropic.StreamEvent;
import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.provider.CallContext;
import dev.tollgate.gateway.provider.ProviderClient;
import dev.tollgate.gateway.provider.ProviderErrors;
import dev.tollgate.gateway.provider.UpstreamTimeouts;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.EmbeddingRequest;
import dev.tollgate.model.openai.EmbeddingResponse;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One Anthropic deployment behind the OpenAI-shaped port: requests are mapped to the Messages API, answers and stream
 * events back (package {@code anthropic} holds the mappings). The caller's own headers are never forwarded.
 */
final class AnthropicProviderClient implements ProviderClient {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE =
            new ParameterizedTypeReference<>() {};

    private final WebClient webClient;
    private final OpenAiJson json;
    private final UpstreamTimeouts timeouts;
    private final AnthropicTarget target;
    private final AnthropicResponses responses;
    private final Clock clock;

    AnthropicProviderClient(
            WebClient webClient, OpenAiJson json, UpstreamTimeouts timeouts, AnthropicTarget target, Clock clock) {
        this.webClient = webClient;
        this.json = json;
        this.timeouts = timeouts;
        this.target = target;
        this.clock = clock;
        this.responses = new AnthropicResponses(provider(), json);
    }

    @Override
    public String provider() {
        return AnthropicTarget.TYPE;
    }

    @Override
    public Mono<ChatCompletion> complete(ChatCompletionRequest request, CallContext context) {
        // Mapping may refuse the request (n > 1, …): deferred, so the refusal is a signal like any other failure.
        return Mono.fromSupplier(() -> Call.of(request, target, false))
                .flatMap(call -> answer(call, context))
                .transform(timeouts.forCall(provider()));
    }

    @Override
    public Flux<ChatCompletionChunk> stream(ChatCompletionRequest request, CallContext context) {
        return Mono.fromSupplier(() -> Call.of(request, target, true)).flatMapMany(call -> chunks(call, context));
    }

    @Override
    public Mono<EmbeddingResponse> embed(EmbeddingRequest request, CallContext context) {
        return Mono.error(() -> GatewayException.invalid(
                ErrorCode.INVALID_REQUEST,
                "The model '%s' is served by Anthropic, which has no embeddings API.".formatted(request.model()),
                "model"));
    }

    private Mono<ChatCompletion> answer(Call call, CallContext context) {
        return post(call.body(), context, MediaType.APPLICATION_JSON)
                .exchangeToMono(responses::message)
                .map(message -> completion(message, call));
    }

    private ChatCompletion completion(MessagesResponse message, Call call) {
        return AnthropicMapper.toChatCompletion(
                message, call.outputTool(), clock.instant().getEpochSecond());
    }

    // One reader per subscription: a retried stream starts from a clean state.
    private Flux<ChatCompletionChunk> chunks(Call call, CallContext context) {
        AnthropicStreamReader reader =
                new AnthropicStreamReader(call.outputTool(), clock.instant().getEpochSecond());
        return events(call, context).concatMapIterable(reader::read);
    }

    private Flux<StreamEvent> events(Call call, CallContext context) {
        return post(call.body(), context, MediaType.TEXT_EVENT_STREAM)
                .exchangeToFlux(this::eventStream)
                // A stream that ends without message_stop was cut. takeUntil passes message_stop on and cancels, so
                // a complete stream never reaches this error.
                .concatWith(Flux.error(() -> ProviderErrors.streamCut(provider())))
                // Data-less keep-alives are dropped; error events and garbage fail here.
                .mapNotNull(responses::event)
                .takeUntil(event -> event.is(StreamEvent.MESSAGE_STOP))
                // After parsing, so ping events count as activity for the idle timeout.
                .transform(timeouts.forStream(provider()));
    }

    private WebClient.RequestHeadersSpec<?> post(MessagesRequest body, CallContext context, MediaType accept) {
        return webClient
                .post()
                .uri(target.messagesUri())
                .headers(headers -> upstreamHeaders(headers, context, accept))
                .bodyValue(json.write(body));
    }

    private void upstreamHeaders(HttpHeaders headers, CallContext context, MediaType accept) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(accept));
        headers.set("x-request-id", context.requestId());
        target.authenticate(headers);
    }

    private Flux<ServerSentEvent<String>> eventStream(ClientResponse response) {
        return responses.eventStream(response).flatMapMany(ok -> ok.bodyToFlux(SSE));
    }

    /** What one call sends, and the tool that carries a structured answer, if any. */
    private record Call(MessagesRequest body, @Nullable String outputTool) {

        static Call of(ChatCompletionRequest request, AnthropicTarget target, boolean stream) {
            return new Call(target.request(request, stream), AnthropicMapper.structuredOutputTool(request));
        }
    }
}
