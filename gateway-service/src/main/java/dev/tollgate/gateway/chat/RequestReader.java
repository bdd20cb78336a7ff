package dev.tollgate.gateway.chat;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Reads a request body into a contract record, bounded in size, and turns every way a body can be wrong into a 4xx
 * with a message that names the problem (and, where there is one, the field).
 */
@Component
public final class RequestReader {

    private final OpenAiJson json;
    private final int maxBodyBytes;

    RequestReader(OpenAiJson json, ApiProperties properties) {
        this.json = json;
        this.maxBodyBytes =
                (int) Math.min(Integer.MAX_VALUE, properties.maxBodySize().toBytes());
    }

    /** The body as {@code type}; errors with a 400, 413 or 415 {@link GatewayException}. */
    public <T> Mono<T> read(ServerRequest request, Class<T> type) {
        return Mono.fromRunnable(
                        () -> UpstreamOverrides.rejectIn(request.headers().asHttpHeaders()))
                .then(checkHeaders(request))
                .then(body(request))
                .map(bytes -> parse(bytes, type));
    }

    private Mono<Void> checkHeaders(ServerRequest request) {
        MediaType contentType = request.headers().contentType().orElse(MediaType.APPLICATION_JSON);
        if (!MediaType.APPLICATION_JSON.isCompatibleWith(contentType)) {
            return Mono.error(GatewayException.rejected(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json, not " + contentType));
        }
        long declared = request.headers().contentLength().orElse(-1);
        return declared > maxBodyBytes ? Mono.error(tooLarge()) : Mono.empty();
    }

    // join() with a limit stops reading (and releases what it held) as soon as the cap is passed, so an
    // oversized chunked body costs at most maxBodyBytes of memory.
    private Mono<byte[]> body(ServerRequest request) {
        return DataBufferUtils.join(request.exchange().getRequest().getBody(), maxBodyBytes)
                .map(RequestReader::drain)
                .onErrorMap(DataBufferLimitException.class, limit -> tooLarge())
                .switchIfEmpty(Mono.error(
                        () -> GatewayException.rejected(ErrorCode.INVALID_JSON, "A JSON request body is required.")));
    }

    private static byte[] drain(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private <T> T parse(byte[] bytes, Class<T> type) {
        try {
            return json.mapper().readValue(bytes, type);
        } catch (StreamConstraintsException deep) {
            throw GatewayException.rejected(ErrorCode.INVALID_JSON, constraintMessage(deep));
        } catch (MismatchedInputException mismatch) {
            throw GatewayException.invalid(ErrorCode.INVALID_REQUEST, mismatchMessage(mismatch), path(mismatch));
        } catch (StreamReadException malformed) {
            throw GatewayException.rejected(ErrorCode.INVALID_JSON, "The body is not valid JSON: " + reason(malformed));
        } catch (JacksonException other) {
            throw GatewayException.invalid(ErrorCode.INVALID_REQUEST, reason(other), path(other));
        }
    }

    // The same exception covers nesting depth, number length and name length; say which limit was hit.
    private static String constraintMessage(StreamConstraintsException exceeded) {
        String reason = String.valueOf(exceeded.getOriginalMessage());
        return reason.contains("nesting depth")
                ? "The JSON body is nested too deeply."
                : "The JSON body exceeds a size limit: " + reason.split("\\(")[0].strip();
    }

    private GatewayException tooLarge() {
        return GatewayException.rejected(
                ErrorCode.REQUEST_TOO_LARGE, "The request body is larger than " + maxBodyBytes + " bytes.");
    }

    private static String mismatchMessage(MismatchedInputException mismatch) {
        String field = path(mismatch);
        String expected =
                mismatch.getTargetType() == null ? "a different type" : expectedType(mismatch.getTargetType());
        // At the root the only mismatch is a body that is not an object; Jackson's wording would name a Java class.
        return field == null
                ? "The body must be a JSON object."
                : "Invalid type for '" + field + "': expected " + expected + ".";
    }

    private static String expectedType(Class<?> target) {
        return switch (target.getSimpleName()) {
            case "Boolean", "boolean" -> "a boolean";
            case "Integer", "int", "Long", "long" -> "an integer";
            case "Double", "double" -> "a number";
            case "String" -> "a string";
            case "List" -> "an array";
            case "Map" -> "an object";
            case "MessageContent" -> "a string or an array of content parts";
            case "AnthropicContent" -> "a string or an array of content blocks";
            default -> "an object";
        };
    }

    // Jackson's own message cites source locations and Java types; callers get the first sentence only.
    private static String reason(JacksonException error) {
        String message = String.valueOf(error.getOriginalMessage());
        int cut = message.indexOf('\n');
        return cut < 0 ? message : message.substring(0, cut);
    }

    static @Nullable String path(JacksonException error) {
        if (error.getPath().isEmpty()) {
            return null;
        }
        return error.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .substring(1);
    }
}
