package dev.tollgate.gateway.api;

import dev.tollgate.gateway.auth.ApiKeys;
import dev.tollgate.gateway.auth.Caller;
import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.chat.RequestReader;
import dev.tollgate.gateway.chat.RequestValidator;
import dev.tollgate.gateway.observability.GatewayMetrics;
import dev.tollgate.gateway.observability.GatewayMetrics.CallTags;
import dev.tollgate.gateway.routing.Route;
import dev.tollgate.gateway.routing.Router;
import dev.tollgate.model.openai.EmbeddingRequest;
import dev.tollgate.model.openai.EmbeddingResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code POST /v1/embeddings}. */
@Component
class EmbeddingsHandler {

    private final ApiKeys keys;
    private final RequestReader reader;
    private final Router router;
    private final OpenAiJson json;
    private final GatewayMetrics metrics;

    EmbeddingsHandler(ApiKeys keys, RequestReader reader, Router router, OpenAiJson json, GatewayMetrics metrics) {
        this.keys = keys;
        this.reader = reader;
        this.router = router;
        this.json = json;
        this.metrics = metrics;
    }

    Mono<ServerResponse> embed(ServerRequest http) {
        return keys.authenticate(http.headers().asHttpHeaders())
                .flatMap(caller -> read(caller, http))
                .flatMap(this::routeAndCall)
                .flatMap(this::ok);
    }

    private Mono<CallerRequest<EmbeddingRequest>> read(Caller caller, ServerRequest http) {
        return reader.read(http, EmbeddingRequest.class)
                .map(RequestValidator::validEmbedding)
                .map(request -> new CallerRequest<>(caller, request, http.exchange()));
    }

    private Mono<EmbeddingResponse> routeAndCall(CallerRequest<EmbeddingRequest> call) {
        return router.route(call.caller(), call.request().model()).flatMap(route -> embed(call, route));
    }

    private Mono<EmbeddingResponse> embed(CallerRequest<EmbeddingRequest> call, Route route) {
        metrics.routed(call.exchange(), new CallTags(route.model(), route.provider(), false));
        return route.client().embed(call.request(), call.context());
    }

    private Mono<ServerResponse> ok(EmbeddingResponse response) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json.write(response));
    }
}
