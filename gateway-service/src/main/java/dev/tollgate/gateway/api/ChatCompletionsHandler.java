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
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionRequest;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code POST /v1/chat/completions}: authenticate, read, validate, route, then answer as JSON or as a stream. */
@Component
class ChatCompletionsHandler {

    private final ApiKeys keys;
    private final RequestReader reader;
    private final Router router;
    private final OpenAiJson json;
    private final ChatStreams streams;
    private final GatewayMetrics metrics;

    ChatCompletionsHandler(
            ApiKeys keys,
            RequestReader reader,
            Router router,
            OpenAiJson json,
            ChatStreams streams,
            GatewayMetrics metrics) {
        this.keys = keys;
        this.reader = reader;
        this.router = router;
        this.json = json;
        this.streams = streams;
        this.metrics = metrics;
    }

    Mono<ServerResponse> complete(ServerRequest http) {
        return keys.authenticate(http.headers().asHttpHeaders())
                .flatMap(caller -> read(caller, http))
                .flatMap(this::route)
                .flatMap(this::respond);
    }

    private Mono<CallerRequest<ChatCompletionRequest>> read(Caller caller, ServerRequest http) {
        return reader.read(http, ChatCompletionRequest.class)
                .map(RequestValidator::validChat)
                .map(request -> new CallerRequest<>(caller, request, http.exchange()));
    }

    private Mono<ChatCall> route(CallerRequest<ChatCompletionRequest> call) {
        return router.route(call.caller(), call.request().model()).map(route -> routed(call, route));
    }

    private ChatCall routed(CallerRequest<ChatCompletionRequest> call, Route route) {
        metrics.routed(
                call.exchange(),
                new CallTags(route.model(), route.provider(), call.request().streaming()));
        return new ChatCall(call.request(), route.client(), call.context(), call.exchange());
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
