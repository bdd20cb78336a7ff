package dev.tollgate.gateway.provider.openai;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.provider.CallContext;
import dev.tollgate.gateway.provider.ProviderClient;
import dev.tollgate.gateway.provider.ProviderErrors;
import dev.tollgate.gateway.provider.UpstreamTimeouts;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.EmbeddingRequest;
import dev.tollgate.model.openai.EmbeddingResponse;
import io.netty.channel.ChannelOption;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** Adapter for OpenAI's API and every upstream that speaks it. Requests and responses pass through unchanged. */
@Component
@ConditionalOnExpression("!'${tollgate.provider.openai.base-url:}'.isBlank()")
class OpenAiProviderClient implements ProviderClient {

    private static final String PROVIDER = "openai";
    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE =
            new ParameterizedTypeReference<>() {};

    private final WebClient webClient;
    private final OpenAiProperties properties;
    private final OpenAiJson json;
    private final UpstreamTimeouts timeouts;
    private final OpenAiResponses responses;

    OpenAiProviderClient(WebClient.Builder builder, OpenAiProperties properties, OpenAiJson json) {
        this.properties = properties;
        this.json = json;
        this.timeouts = properties.timeouts();
        this.responses = new OpenAiResponses(PROVIDER, json);
        this.webClient = builder.clone()
                .baseUrl(String.valueOf(properties.baseUrl()))
                .clientConnector(new ReactorClientHttpConnector(httpClient(properties)))
                .codecs(codecs -> codecs.defaultCodecs()
                        .maxInMemorySize((int) properties.maxResponseSize().toBytes()))
                .build();
    }

    private static HttpClient httpClient(OpenAiProperties properties) {
        ConnectionProvider pool = ConnectionProvider.builder("tollgate-openai")
                .maxConnections(properties.maxConnections())
                .pendingAcquireTimeout(properties.connectTimeout())
                .build();
        return HttpClient.create(pool).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                properties.connectTimeout().toMillis());
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public List<String> models() {
        return properties.models();
    }

    @Override
    public Mono<ChatCompletion> complete(ChatCompletionRequest request, CallContext context) {
        return post("/chat/completions", request, context, MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> responses.json(response, ChatCompletion.class))
                .map(responses::checkedCompletion)
                .transform(timeouts.forCall(PROVIDER));
    }

    @Override
    public Flux<ChatCompletionChunk> stream(ChatCompletionRequest request, CallContext context) {
        return post("/chat/completions", request, context, MediaType.TEXT_EVENT_STREAM)
                .exchangeToFlux(this::events)
                // A stream that ends without [DONE] was cut. When [DONE] comes, takeWhile completes and never
                // reaches the error; the gateway then writes its own single [DONE].
                .concatWith(Flux.error(() -> ProviderErrors.streamCut(PROVIDER)))
                .takeWhile(event -> !"[DONE]".equals(event.data()))
                .map(responses::chunk)
                .transform(timeouts.forStream(PROVIDER));
    }

    @Override
    public Mono<EmbeddingResponse> embed(EmbeddingRequest request, CallContext context) {
        return post("/embeddings", request, context, MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> responses.json(response, EmbeddingResponse.class))
                .transform(timeouts.forCall(PROVIDER));
    }

    private WebClient.RequestHeadersSpec<?> post(String path, Object body, CallContext context, MediaType accept) {
        return webClient
                .post()
                .uri(path)
                .headers(headers -> upstreamHeaders(headers, context, accept))
                .bodyValue(json.write(body));
    }

    // Only the gateway's own credentials go upstream; nothing of the caller's headers is forwarded.
    private void upstreamHeaders(HttpHeaders headers, CallContext context, MediaType accept) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(accept));
        headers.set("x-request-id", context.requestId());
        if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
            headers.setBearerAuth(properties.apiKey());
        }
    }

    private Flux<ServerSentEvent<String>> events(ClientResponse response) {
        return responses.eventStream(response).flatMapMany(ok -> ok.bodyToFlux(SSE));
    }
}
