package dev.tollgate.gateway.provider.bedrock;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.provider.CallContext;
import dev.tollgate.gateway.provider.ProviderClient;
import dev.tollgate.gateway.provider.UpstreamTimeouts;
import dev.tollgate.gateway.provider.bedrock.BedrockTools.OutputTool;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.EmbeddingRequest;
import dev.tollgate.model.openai.EmbeddingResponse;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One Bedrock deployment behind the OpenAI-shaped port: requests go to Converse or ConverseStream, signed with
 * SigV4; answers and event streams come back as chat completions and chunks. The caller's own headers are never
 * forwarded.
 */
final class BedrockProviderClient implements ProviderClient {

    private final WebClient webClient;
    private final OpenAiJson json;
    private final UpstreamTimeouts timeouts;
    private final BedrockTarget target;
    private final BedrockSigner signer;
    private final BedrockResponses responses;
    private final Clock clock;

    BedrockProviderClient(
            WebClient webClient,
            OpenAiJson json,
            UpstreamTimeouts timeouts,
            BedrockTarget target,
            BedrockSigner signer,
            Clock clock) {
        this.webClient = webClient;
        this.json = json;
        this.timeouts = timeouts;
        this.target = target;
        this.signer = signer;
        this.clock = clock;
        this.responses = new BedrockResponses(provider(), json.upstreamMapper());
    }

    @Override
    public String provider() {
        return BedrockTarget.TYPE;
    }

    @Override
    public Mono<ChatCompletion> complete(ChatCompletionRequest request, CallContext context) {
        // Mapping may refuse the request and signing reads the clock: both happen on subscription, for each attempt.
        return Mono.fromSupplier(() -> Call.of(request, target.uri("converse"), this))
                .flatMap(call -> answer(call, context))
                .transform(timeouts.forCall(provider()));
    }

    @Override
    public Flux<ChatCompletionChunk> stream(ChatCompletionRequest request, CallContext context) {
        return Mono.fromSupplier(() -> Call.of(request, target.uri("converse-stream"), this))
                .flatMapMany(call -> chunks(call, context))
                .transform(timeouts.forStream(provider()));
    }

    @Override
    public Mono<EmbeddingResponse> embed(EmbeddingRequest request, CallContext context) {
        return Mono.error(() -> GatewayException.invalid(
                ErrorCode.INVALID_REQUEST,
                "The model '%s' is served by AWS Bedrock's Converse API, which has no embeddings."
                        .formatted(request.model()),
                "model"));
    }

    private Mono<ChatCompletion> answer(Call call, CallContext context) {
        return post(call, context, MediaType.APPLICATION_JSON).exchangeToMono(response -> completion(response, call));
    }

    private Mono<ChatCompletion> completion(ClientResponse response, Call call) {
        String id = completionId(response);
        long created = clock.instant().getEpochSecond();
        return responses
                .answer(response)
                .map(answer -> BedrockMapper.toChatCompletion(answer, id, created, target.modelId(), call.output()));
    }

    private Flux<ChatCompletionChunk> chunks(Call call, CallContext context) {
        return post(call, context, BedrockResponses.EVENT_STREAM)
                .exchangeToFlux(response -> translated(response, call));
    }

    // One translator per response: a retried stream starts from a clean state.
    private Flux<ChatCompletionChunk> translated(ClientResponse response, Call call) {
        BedrockStreamTranslator translator = new BedrockStreamTranslator(
                provider(),
                completionId(response),
                clock.instant().getEpochSecond(),
                target.modelId(),
                call.outputName());
        return responses
                .events(response)
                .concatMapIterable(translator::translate)
                // A stream that ends without messageStop was cut: ending() is then its error.
                .concatWith(Mono.defer(translator::ending));
    }

    private WebClient.RequestHeadersSpec<?> post(Call call, CallContext context, MediaType accept) {
        return webClient
                .post()
                .uri(call.uri())
                .headers(headers -> upstreamHeaders(headers, call, context, accept))
                .bodyValue(call.body());
    }

    // The signed headers (host, content type, date, payload hash, authorization) and two unsigned ones.
    private void upstreamHeaders(HttpHeaders headers, Call call, CallContext context, MediaType accept) {
        headers.addAll(call.signed());
        headers.setAccept(List.of(accept));
        headers.set("x-request-id", context.requestId());
    }

    // Bedrock's answers have no id of their own; its request id makes ours traceable in AWS's logs. Without one, a
    // random id: from ThreadLocalRandom, as UUID.randomUUID() may block on the OS entropy source.
    private static String completionId(ClientResponse response) {
        String requestId = response.headers().asHttpHeaders().getFirst("x-amzn-RequestId");
        return "chatcmpl-"
                + (requestId == null || requestId.isBlank()
                        ? Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE)
                        : requestId);
    }

    /** One signed call: where it goes, its body and signature, and the tool that carries a structured answer. */
    private record Call(
            URI uri,
            byte[] body,
            HttpHeaders signed,
            @Nullable OutputTool output) {

        static Call of(ChatCompletionRequest request, URI uri, BedrockProviderClient client) {
            OutputTool output = BedrockTools.outputTool(request);
            byte[] body = client.json.write(BedrockMapper.toConverseRequest(request, output));
            return new Call(uri, body, client.signer.sign(uri, body, client.target), output);
        }

        @Nullable
        String outputName() {
            return output == null ? null : output.name();
        }
    }
}
