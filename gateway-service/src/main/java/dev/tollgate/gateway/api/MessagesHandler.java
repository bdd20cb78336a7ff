package dev.tollgate.gateway.api;

import dev.tollgate.gateway.anthropic.AnthropicMapper;
import dev.tollgate.gateway.anthropic.MessagesRequest;
import dev.tollgate.gateway.auth.ApiKeys;
import dev.tollgate.gateway.auth.Caller;
import dev.tollgate.gateway.chat.RequestReader;
import dev.tollgate.gateway.routing.Router;
import dev.tollgate.gateway.usage.TokenMeter;
import dev.tollgate.model.openai.ChatCompletionRequest;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The Anthropic-compatible ingress: {@code POST /v1/messages}, the same pipeline as chat completions (same keys,
 * limits, budgets, cache, guardrails and usage events) with any provider behind it, and
 * {@code POST /v1/messages/count_tokens}, the gateway's own count of a request's input for the model's first
 * deployment (a count, not a model call: no usage event, nothing charged).
 */
@Component
class MessagesHandler {

    private final ChatCompletionsHandler chat;
    private final AnthropicDialect anthropic;
    private final ApiKeys keys;
    private final RequestReader reader;
    private final Router router;
    private final TokenMeter meter;

    MessagesHandler(
            ChatCompletionsHandler chat,
            AnthropicDialect anthropic,
            ApiKeys keys,
            RequestReader reader,
            Router router,
            TokenMeter meter) {
        this.chat = chat;
        this.anthropic = anthropic;
        this.keys = keys;
        this.reader = reader;
        this.router = router;
        this.meter = meter;
    }

    Mono<ServerResponse> create(ServerRequest http) {
        return chat.complete(http, anthropic);
    }

    Mono<ServerResponse> countTokens(ServerRequest http) {
        return keys.authenticate(http.headers().asHttpHeaders())
                .flatMap(caller -> counted(caller, http))
                .flatMap(tokens -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("input_tokens", tokens)));
    }

    private Mono<Integer> counted(Caller caller, ServerRequest http) {
        return reader.read(http, MessagesRequest.class)
                .map(MessagesHandler::asChat)
                .flatMap(request -> router.route(caller, String.valueOf(request.model()))
                        .map(route -> meter.prompt(request, route.primary().upstreamModel())));
    }

    // count_tokens takes no max_tokens; the translation requires one, and it changes nothing about the input.
    private static ChatCompletionRequest asChat(MessagesRequest request) {
        return AnthropicMapper.toChatRequest(new MessagesRequest(
                request.model(),
                request.maxTokens() == null ? 1 : request.maxTokens(),
                request.system(),
                request.messages(),
                request.stopSequences(),
                request.temperature(),
                request.topP(),
                request.topK(),
                null,
                request.tools(),
                request.toolChoice(),
                request.metadata(),
                request.thinking()));
    }
}
