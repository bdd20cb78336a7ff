package dev.tollgate.gateway.api;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The OpenAI-compatible routes, and the Anthropic-compatible {@code /v1/messages}. */
@Configuration(proxyBeanMethods = false)
class OpenAiRoutes {

    @Bean
    RouterFunction<ServerResponse> openAiApi(
            ChatCompletionsHandler chat, EmbeddingsHandler embeddings, ModelsHandler models, MessagesHandler messages) {
        return RouterFunctions.route()
                .route(POST("/v1/chat/completions"), chat::complete)
                .route(POST("/v1/messages"), messages::create)
                .route(POST("/v1/messages/count_tokens"), messages::countTokens)
                .route(POST("/v1/embeddings"), embeddings::embed)
                .route(GET("/v1/models"), models::list)
                // Model ids of OpenAI-compatible upstreams may contain slashes (meta-llama/Llama-3-8B).
                .route(GET("/v1/models/{*model}"), models::retrieve)
                .route(
                        path("/v1/chat/completions")
                                .or(path("/v1/embeddings"))
                                .or(path("/v1/messages"))
                                .or(path("/v1/messages/count_tokens")),
                        allowOnly("POST"))
                .route(path("/v1/models").or(path("/v1/models/{*model}")), allowOnly("GET"))
                .build();
    }

    // Functional routes answer an unmatched method with 404; a known path deserves 405 and, per RFC 9110, Allow.
    private static HandlerFunction<ServerResponse> allowOnly(String method) {
        return request -> Mono.error(GatewayException.builder(
                        ErrorCode.METHOD_NOT_ALLOWED,
                        "%s is not allowed on %s.".formatted(request.method(), request.path()))
                .header(HttpHeaders.ALLOW, method)
                .build());
    }
}
