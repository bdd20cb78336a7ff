package dev.tollgate.gateway.provider.anthropic;

import dev.tollgate.gateway.anthropic.AnthropicError;
import dev.tollgate.gateway.anthropic.AnthropicMapper;
import dev.tollgate.gateway.anthropic.MessagesResponse;
import dev.tollgate.gateway.anthropic.StreamEvent;
import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.provider.ProviderErrors;
import dev.tollgate.model.openai.ErrorResponse;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Judges what Anthropic sent before any of it reaches the caller: an error status (its envelope read into OpenAI's
 * terms), an HTML page, an empty or malformed body, or an {@code error} event are failures, not answers.
 */
final class AnthropicResponses {

    private final String provider;
    private final OpenAiJson json;

    AnthropicResponses(String provider, OpenAiJson json) {
        this.provider = provider;
        this.json = json;
    }

    Mono<MessagesResponse> message(ClientResponse response) {
        if (response.statusCode().isError()) {
            return failure(response);
        }
        if (!isJson(response.headers().contentType().orElse(null))) {
            return notAnAnswer(response, "content type " + contentType(response));
        }
        return response.bodyToMono(byte[].class)
                .switchIfEmpty(Mono.error(() -> invalid("an empty body")))
                .map(this::checkedMessage);
    }

    Mono<ClientResponse> eventStream(ClientResponse response) {
        if (response.statusCode().isError()) {
            return failure(response);
        }
        if (!MediaType.TEXT_EVENT_STREAM.isCompatibleWith(
                response.headers().contentType().orElse(null))) {
            return notAnAnswer(response, "content type " + contentType(response) + " for a stream");
        }
        return Mono.just(response);
    }

    /** One stream event; {@code null} for a keep-alive without data. An {@code error} event is a failure. */
    @Nullable
    StreamEvent event(ServerSentEvent<String> sent) {
        String data = sent.data();
        if (data == null || data.isBlank()) {
            return null;
        }
        StreamEvent event = parse(data.getBytes(StandardCharsets.UTF_8), StreamEvent.class);
        if (event.type() == null) {
            throw invalid("an event without a type");
        }
        if (event.is(StreamEvent.ERROR)) {
            throw ProviderErrors.errorEvent(provider, errorNode(event.error()));
        }
        return event;
    }

    /** Anthropic's error envelope in OpenAI's terms; {@code null} for a body that is no such envelope. */
    ErrorResponse.@Nullable Body error(String body) {
        try {
            AnthropicError envelope = json.upstreamMapper().readValue(body, AnthropicError.class);
            return envelope.error() == null ? null : AnthropicMapper.toOpenAiError(envelope.error());
        } catch (JacksonException notAnEnvelope) {
            return null;
        }
    }

    // The body is read (and dropped) rather than released, so the connection returns to the pool clean.
    private <T> Mono<T> notAnAnswer(ClientResponse response, String what) {
        return response.bodyToMono(byte[].class).then(Mono.error(() -> invalid(what)));
    }

    private <T> Mono<T> failure(ClientResponse response) {
        return ProviderErrors.read(provider, response, this::error).flatMap(Mono::error);
    }

    // A 200 whose body is an error envelope (as some proxies answer) is a failure too.
    private MessagesResponse checkedMessage(byte[] body) {
        MessagesResponse message = parse(body, MessagesResponse.class);
        if ("error".equals(message.type())) {
            AnthropicError envelope = parse(body, AnthropicError.class);
            throw ProviderErrors.errorEvent(provider, errorNode(envelope.error()));
        }
        if (message.content() == null) {
            throw invalid("a message without content");
        }
        return message;
    }

    private @Nullable JsonNode errorNode(AnthropicError.@Nullable Body error) {
        return error == null ? null : json.upstreamMapper().valueToTree(AnthropicMapper.toOpenAiError(error));
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
