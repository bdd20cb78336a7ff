package dev.tollgate.gateway.api;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.chat.RequestReader;
import dev.tollgate.gateway.chat.RequestValidator;
import dev.tollgate.gateway.observability.GatewayMetrics;
import dev.tollgate.gateway.observability.GatewayMetrics.CallTags;
import dev.tollgate.gateway.provider.CallContext;
import dev.tollgate.gateway.provider.ModelCatalog;
import dev.tollgate.gateway.provider.ProviderClient;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionRequest;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code POST /v1/chat/completions}: read, validate, route, then answer as JSON or as a stream. */
@Component
class ChatCompletionsHandler {

    private final RequestReader reader;
    private final ModelCatalog catalog;
    private final OpenAiJson json;
    private final ChatStreams streams;
    private final GatewayMetrics metrics;

    ChatCompletionsHandler(
            RequestReader reader, ModelCatalog catalog, OpenAiJson json, ChatStreams streams, GatewayMetrics metrics) {
        this.reader = reader;
        this.catalog = catalog;
        this.json = json;
        this.streams = streams;
        this.metrics = metrics;
    }

    Mono<ServerResponse> complete(ServerRequest http) {
        return reader.read(http, ChatCompletionRequest.class)
                .map(RequestValidator::validChat)
                .map(request -> route(request, http.exchange()))
                .flatMap(this::respond);
    }

    private ChatCall route(ChatCompletionRequest request, ServerWebExchange exchange) {
        ProviderClient provider = catalog.providerFor(request.model());
        metrics.routed(exchange, new CallTags(request.model(), provider.provider(), request.streaming()));
        return new ChatCall(request, provider, new CallContext(RequestIdFilter.of(exchange)), exchange);
    }

    private Mono<ServerResponse> respond(ChatCall call) {
        return call.request().streaming() ? streams.respond(call) : answer(call);
    }

    private Mono<ServerResponse> answer(ChatCall call) {
        return call.provider().complete(call.request(), call.context()).flatMap(this::ok);
    }

    private Mono<ServerResponse> ok(ChatCompletion completion) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json.write(completion));
    }
}
