package dev.tollgate.gateway.provider.bedrock;

import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.provider.ProviderErrors;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Judges what Bedrock sent before any of it reaches the caller: an error status, an HTML page, an empty 200, a
 * corrupt frame or an exception frame are failures, not answers.
 */
final class BedrockResponses {

    static final MediaType EVENT_STREAM = MediaType.parseMediaType("application/vnd.amazon.eventstream");
    // An error body is read only to find its message; anything longer is not a Bedrock error.
    private static final int MAX_ERROR_BODY = 16 * 1024;

    private final String provider;
    private final JsonMapper json;

    BedrockResponses(String provider, JsonMapper json) {
        this.provider = provider;
        this.json = json;
    }

    Mono<ConverseResponse> answer(ClientResponse response) {
        if (response.statusCode().isError()) {
            return error(response).flatMap(Mono::error);
        }
        if (!isType(response, MediaType.APPLICATION_JSON)) {
            return response.releaseBody().then(Mono.error(invalid("content type " + contentType(response))));
        }
        return response.bodyToMono(byte[].class)
                .switchIfEmpty(Mono.error(() -> invalid("an empty body")))
                .map(this::parse);
    }

    /** The events of a ConverseStream answer, decoded as they arrive. */
    Flux<StreamEvent> events(ClientResponse response) {
        if (response.statusCode().isError()) {
            return error(response).flatMapMany(Flux::error);
        }
        if (!isType(response, EVENT_STREAM)) {
            return response.releaseBody()
                    .thenMany(Flux.error(invalid("content type " + contentType(response) + " for a stream")));
        }
        BedrockEventStream frames = new BedrockEventStream(provider, json);
        return response.bodyToFlux(DataBuffer.class)
                .concatMapIterable(frames::feed)
                // A body that ends inside a frame was cut, even after messageStop (its usage is then lost).
                .concatWith(Mono.defer(frames::ending));
    }

    private Mono<GatewayException> error(ClientResponse response) {
        return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()), MAX_ERROR_BODY)
                .map(BedrockResponses::text)
                .onErrorReturn(DataBufferLimitException.class, "")
                .defaultIfEmpty("")
                .map(body -> BedrockErrors.fromResponse(
                        provider, response.statusCode(), response.headers().asHttpHeaders(), body));
    }

    private ConverseResponse parse(byte[] bytes) {
        ConverseResponse answer;
        try {
            answer = json.readValue(bytes, ConverseResponse.class);
        } catch (JacksonException malformed) {
            throw ProviderErrors.invalidResponse(provider, "malformed JSON", malformed);
        }
        if (answer.output() == null || answer.output().message() == null) {
            throw invalid("an answer without output.message");
        }
        return answer;
    }

    private RuntimeException invalid(String what) {
        return ProviderErrors.invalidResponse(provider, what, null);
    }

    private static String text(DataBuffer buffer) {
        try {
            return buffer.toString(StandardCharsets.UTF_8);
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static boolean isType(ClientResponse response, MediaType type) {
        MediaType actual = contentType(response);
        return actual != null && type.isCompatibleWith(actual);
    }

    private static @Nullable MediaType contentType(ClientResponse response) {
        return response.headers().contentType().orElse(null);
    }
}
