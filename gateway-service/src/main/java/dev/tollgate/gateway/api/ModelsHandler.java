package dev.tollgate.gateway.api;

import dev.tollgate.gateway.auth.ApiKeys;
import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.routing.Router;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code GET /v1/models} and {@code GET /v1/models/{model}}: only the models the caller's key may use. */
@Component
class ModelsHandler {

    private final ApiKeys keys;
    private final Router router;
    private final OpenAiJson json;

    ModelsHandler(ApiKeys keys, Router router, OpenAiJson json) {
        this.keys = keys;
        this.router = router;
        this.json = json;
    }

    Mono<ServerResponse> list(ServerRequest http) {
        return keys.authenticate(http.headers().asHttpHeaders())
                .flatMap(router::models)
                .flatMap(this::ok);
    }

    Mono<ServerResponse> retrieve(ServerRequest http) {
        return keys.authenticate(http.headers().asHttpHeaders())
                .flatMap(caller -> router.model(caller, modelId(http)))
                .flatMap(this::ok);
    }

    private Mono<ServerResponse> ok(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json.write(body));
    }

    // A {*model} capture starts with the slash that separates it from /v1/models.
    private static String modelId(ServerRequest http) {
        String captured = http.pathVariable("model");
        return captured.startsWith("/") ? captured.substring(1) : captured;
    }
}
