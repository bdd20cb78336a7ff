package dev.tollgate.gateway.provider.openai;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.provider.ProviderErrors;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.EmbeddingResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Judges what an OpenAI-style upstream sent before any of it reaches the caller: an error status, an HTML page, an
 * empty 200 or an error event are failures, not answers.
 */
final class OpenAiResponses {

    private final String provider;
    private final OpenAiJson json;

    OpenAiResponses(String provider, OpenAiJson json) {
        this.provider = provider;
        this.json = json;
    }

    <T> Mono<T> json(ClientResponse response, Class<T> type) {
        if (response.statusCode().isError()) {
            return ProviderErrors.read(provider, response).flatMap(Mono::error);
        }
        if (!isJson(response)) {
            return response.releaseBody().then(Mono.error(invalid("content type " + contentType(response))));
        }
        return response.bodyToMono(byte[].class)
                .switchIfEmpty(Mono.error(() -> invalid("an empty body")))
                .map(bytes -> parse(bytes, type));
    }

    Mono<ClientResponse> eventStream(ClientResponse response) {
        if (response.statusCode().isError()) {
            return ProviderErrors.read(provider, response).flatMap(Mono::error);
        }
        if (!MediaType.TEXT_EVENT_STREAM.isCompatibleWith(contentType(response))) {
            return ProviderErrors.read(provider, response)
                    .flatMap(error -> Mono.error(invalid("content type " + contentType(response) + " for a stream")));
        }
        return Mono.just(response);
    }

    ChatCompletion checkedCompletion(ChatCompletion completion) {
        if (completion.choices() == null || completion.extra().containsKey("error")) {
            throw errorIn(completion.extra(), "a completion without choices");
        }
        return completion;
    }

    EmbeddingResponse checkedEmbedding(EmbeddingResponse response) {
        if (response.data() == null || response.extra().containsKey("error")) {
            throw errorIn(response.extra(), "an embedding response without data");
        }
        return response;
    }

    ChatCompletionChunk chunk(ServerSentEvent<String> event) {
        String data = event.data();
        if (data == null || data.isBlank()) {
            throw invalid("an event without data");
        }
        ChatCompletionChunk chunk =
                parse(data.getBytes(java.nio.charset.StandardCharsets.UTF_8), ChatCompletionChunk.class);
        if ("error".equals(event.event()) || chunk.extra().containsKey("error")) {
            throw errorIn(chunk.extra(), "a chunk without content");
        }
        return chunk;
    }

    private RuntimeException errorIn(Map<String, Object> extra, String otherwise) {
        Object error = extra.get("error");
        if (error == null) {
            return invalid(otherwise);
        }
        JsonNode node = json.upstreamMapper().valueToTree(error);
        return ProviderErrors.errorEvent(provider, node);
    }

    private <T> T parse(byte[] bytes, Class<T> type) {
        try {
            return json.upstreamMapper().readValue(bytes, type);
        } catch (JacksonException malformed) {
            throw ProviderErrors.invalidResponse(provider, "malformed JSON", malformed);
        }
    }

    private RuntimeException invalid(String what) {
        return ProviderErrors.invalidResponse(provider, what, null);
    }

    private static boolean isJson(ClientResponse response) {
        MediaType type = contentType(response);
        return type != null
                && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                        || type.getSubtype().endsWith("+json"));
    }

    private static @Nullable MediaType contentType(ClientResponse response) {
        return response.headers().contentType().orElse(null);
    }
}
