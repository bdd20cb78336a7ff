package dev.tollgate.gateway.api;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.chat.RequestReader;
import dev.tollgate.gateway.chat.RequestValidator;
import dev.tollgate.gateway.observability.GatewayMetrics;
import dev.tollgate.gateway.observability.GatewayMetrics.CallTags;
import dev.tollgate.gateway.provider.CallContext;
import dev.tollgate.gateway.provider.ModelCatalog;
import dev.tollgate.gateway.provider.ProviderClient;
import dev.tollgate.model.openai.EmbeddingRequest;
import dev.tollgate.model.openai.EmbeddingResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code POST /v1/embeddings}. */
@Component
class EmbeddingsHandler {

    private final RequestReader reader;
    private final ModelCatalog catalog;
    private final OpenAiJson json;
    private final GatewayMetrics metrics;

    EmbeddingsHandler(RequestReader reader, ModelCatalog catalog, OpenAiJson json, GatewayMetrics metrics) {
        this.reader = reader;
        this.catalog = catalog;
        this.json = json;
        this.metrics = metrics;
    }

    Mono<ServerResponse> embed(ServerRequest http) {
        return reader.read(http, EmbeddingRequest.class)
                .map(RequestValidator::validEmbedding)
                .flatMap(request -> routed(request, http.exchange()))
                .flatMap(this::ok);
    }

    private Mono<EmbeddingResponse> routed(EmbeddingRequest request, ServerWebExchange exchange) {
        ProviderClient provider = catalog.providerFor(request.model());
        metrics.routed(exchange, new CallTags(request.model(), provider.provider(), false));
        return provider.embed(request, new CallContext(RequestIdFilter.of(exchange)));
    }

    private Mono<ServerResponse> ok(EmbeddingResponse response) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json.write(response));
    }
}
