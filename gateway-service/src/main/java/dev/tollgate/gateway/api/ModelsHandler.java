package dev.tollgate.gateway.api;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.provider.ModelCatalog;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code GET /v1/models} and {@code GET /v1/models/{model}}. */
@Component
class ModelsHandler {

    private final ModelCatalog catalog;
    private final OpenAiJson json;

    ModelsHandler(ModelCatalog catalog, OpenAiJson json) {
        this.catalog = catalog;
        this.json = json;
    }

    Mono<ServerResponse> list(ServerRequest http) {
        return ok(catalog.list());
    }

    Mono<ServerResponse> retrieve(ServerRequest http) {
        String id = http.pathVariable("model");
        catalog.providerFor(id); // answers 404 model_not_found for a model that is not served
        return ok(catalog.list().data().stream()
                .filter(model -> model.id().equals(id))
                .findFirst()
                .orElseThrow());
    }

    private Mono<ServerResponse> ok(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json.write(body));
    }
}
