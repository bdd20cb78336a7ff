package dev.tollgate.gateway.api;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The OpenAI-compatible routes. */
@Configuration(proxyBeanMethods = false)
class OpenAiRoutes {

    @Bean
    RouterFunction<ServerResponse> openAiApi(
            ChatCompletionsHandler chat, EmbeddingsHandler embeddings, ModelsHandler models) {
        return RouterFunctions.route()
                .route(POST("/v1/chat/completions"), chat::complete)
                .route(POST("/v1/embeddings"), embeddings::embed)
                .route(GET("/v1/models"), models::list)
                .route(GET("/v1/models/{model}"), models::retrieve)
                .build();
    }
}
