package dev.tollgate.gateway.provider.gemini;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.provider.ProviderErrors;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * Judges what Gemini sent before any of it reaches the caller: an error status, an HTML page, an empty 200, an error
 * object in place of an answer or event, and a refused prompt are failures, not answers.
 */
final class GeminiResponses {

    private final String provider;
    private final OpenAiJson json;

    GeminiResponses(String provider, OpenAiJson json) {
        this.provider = provider;
        this.json = json;
    }

    <T> Mono<T> json(ClientResponse response, Class<T> type) {
        if (response.statusCode().isError()) {
            return GeminiErrors.read(provider, response).flatMap(Mono::error);
        }
        if (!isJson(contentType(response))) {
            return response.releaseBody().then(Mono.error(invalid("content type " + contentType(response))));
        }
        return response.bodyToMono(byte[].class)
                .switchIfEmpty(Mono.error(() -> invalid("an empty body")))
                .map(bytes -> parse(bytes, type));
    }

    Mono<ClientResponse> eventStream(ClientResponse response) {
        if (response.statusCode().isError()) {
            return GeminiErrors.read(provider, response).flatMap(Mono::error);
        }
        if (!MediaType.TEXT_EVENT_STREAM.isCompatibleWith(contentType(response))) {
            return response.releaseBody()
                    .then(Mono.error(invalid("content type " + contentType(response) + " for a stream")));
        }
        return Mono.just(response);
    }

    /** A whole answer, which must have candidates. */
    GeminiResponse checkedCompletion(GeminiResponse response) {
        GeminiResponse checked = checked(response);
        if (checked.candidatesOrEmpty().isEmpty()) {
            throw invalid("an answer without candidates");
        }
        return checked;
    }

    /** One stream event: a fragment, which may lack candidates (a trailing usage report). */
    GeminiResponse checkedEvent(ServerSentEvent<String> event) {
        String data = event.data();
        if (data == null || data.isBlank()) {
            throw invalid("an event without data");
        }
        return checked(parse(data.getBytes(StandardCharsets.UTF_8), GeminiResponse.class));
    }

    private GeminiResponse checked(GeminiResponse response) {
        if (response.error() != null) {
            throw GeminiErrors.inStream(provider, response.error());
        }
        if (response.promptBlocked()) {
            throw GeminiErrors.promptBlocked(provider, response.promptFeedback());
        }
        return response;
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

    private static boolean isJson(@Nullable MediaType type) {
        return type != null
                && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                        || type.getSubtype().endsWith("+json"));
    }

    private static @Nullable MediaType contentType(ClientResponse response) {
        return response.headers().contentType().orElse(null);
    }
}
