package dev.tollgate.gateway.provider;

import static dev.tollgate.gateway.error.ErrorCode.UPSTREAM_INVALID_RESPONSE;
import static dev.tollgate.gateway.error.ErrorCode.UPSTREAM_RATE_LIMITED;
import static dev.tollgate.gateway.error.ErrorCode.UPSTREAM_TIMEOUT;
import static dev.tollgate.gateway.error.ErrorCode.UPSTREAM_UNAVAILABLE;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one place where upstream failures become {@link ErrorCode}s, shared by every adapter. */
public final class ProviderErrors {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final int MAX_ERROR_BODY = 16 * 1024;

    private ProviderErrors() {}

    /** Reads an upstream error response into the exception the caller will see. */
    public static Mono<GatewayException> read(String provider, ClientResponse response) {
        return response.bodyToMono(String.class)
                .defaultIfEmpty("")
                .map(body -> fromStatus(provider, response.statusCode(), body));
    }

    /** The exception for an upstream error status and body. */
    public static GatewayException fromStatus(String provider, HttpStatusCode status, String body) {
        String detail = messageOf(body);
        ErrorCode code = codeFor(status);
        return switch (code) {
            case UPSTREAM_REJECTED -> GatewayException.upstreamRejected(status, rejection(provider, detail));
            case UPSTREAM_UNAVAILABLE -> GatewayException.upstream(code, unavailable(provider, status), null);
            default ->
                GatewayException.upstream(
                        code,
                        "The provider %s answered %d%s".formatted(provider, status.value(), suffix(detail)),
                        null);
        };
    }

    static ErrorCode codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 429 -> UPSTREAM_RATE_LIMITED;
            case 408, 504 -> UPSTREAM_TIMEOUT;
            case 400, 404, 409, 413, 422 -> ErrorCode.UPSTREAM_REJECTED; // the caller's request was wrong
            default -> UPSTREAM_UNAVAILABLE; // 401/403 mean our provider key is wrong; 5xx is theirs
        };
    }

    /** An upstream that answered 2xx with something that is not a valid answer: HTML, an empty body, bad JSON. */
    public static GatewayException invalidResponse(String provider, String what, @Nullable Throwable cause) {
        return GatewayException.upstream(
                UPSTREAM_INVALID_RESPONSE,
                "The provider %s sent an invalid response: %s.".formatted(provider, what),
                cause);
    }

    /** A stream whose connection ended before the provider said it was complete. */
    public static GatewayException streamCut(String provider) {
        return GatewayException.upstream(
                UPSTREAM_UNAVAILABLE,
                "The provider %s ended the stream before it was complete.".formatted(provider),
                null);
    }

    /** An error event inside an otherwise successful stream. */
    public static GatewayException errorEvent(String provider, @Nullable JsonNode error) {
        String detail = error == null ? null : textOf(error);
        return GatewayException.upstream(
                UPSTREAM_UNAVAILABLE, "The provider %s reported an error%s".formatted(provider, suffix(detail)), null);
    }

    /** Maps any other failure of an upstream call: timeouts to 504, everything else (refused, reset) to 502. */
    public static Function<Throwable, Throwable> translate(String provider) {
        return failure -> switch (failure) {
            case GatewayException known -> known;
            case TimeoutException timeout ->
                GatewayException.upstream(
                        UPSTREAM_TIMEOUT, "The provider %s did not answer in time.".formatted(provider), timeout);
            default ->
                GatewayException.upstream(
                        UPSTREAM_UNAVAILABLE, "The provider %s could not be reached.".formatted(provider), failure);
        };
    }

    private static String rejection(String provider, @Nullable String detail) {
        return detail != null ? detail : "The provider %s rejected the request.".formatted(provider);
    }

    private static String unavailable(String provider, HttpStatusCode status) {
        int code = status.value();
        return code == 401 || code == 403
                ? "The provider %s refused the gateway's credentials.".formatted(provider)
                : "The provider %s is unavailable (HTTP %d).".formatted(provider, code);
    }

    private static String suffix(@Nullable String detail) {
        return detail == null ? "." : ": " + detail;
    }

    // OpenAI-style {"error":{"message":…}}, {"error":"…"} or {"message":…}; anything else (an HTML page) is not shown.
    static @Nullable String messageOf(String body) {
        if (body.isBlank() || body.length() > MAX_ERROR_BODY) {
            return null;
        }
        try {
            JsonNode root = json.readTree(body);
            JsonNode error = root.path("error");
            return error.isMissingNode() ? textOf(root) : textOf(error);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static @Nullable String textOf(JsonNode node) {
        if (node.isString()) {
            return node.asString();
        }
        JsonNode message = node.path("message");
        return message.isString() ? message.asString() : null;
    }
}
