package dev.tollgate.gateway.provider;

import static dev.tollgate.gateway.error.ErrorCode.UPSTREAM_INVALID_RESPONSE;
import static dev.tollgate.gateway.error.ErrorCode.UPSTREAM_RATE_LIMITED;
import static dev.tollgate.gateway.error.ErrorCode.UPSTREAM_TIMEOUT;
import static dev.tollgate.gateway.error.ErrorCode.UPSTREAM_UNAVAILABLE;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.openai.ErrorResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one place where upstream failures become {@link ErrorCode}s, shared by every adapter. */
public final class ProviderErrors {

    private static final JsonMapper json = JsonMapper.builder().build();
    // An error body is read only to find its message; anything longer is not an OpenAI-style error.
    private static final int MAX_ERROR_BODY = 16 * 1024;
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private ProviderErrors() {}

    /** Reads an upstream error response (at most 16 KB of it) into the exception the caller will see. */
    public static Mono<GatewayException> read(String provider, ClientResponse response) {
        return body(response)
                .map(body -> fromStatus(
                        provider, response.statusCode(), response.headers().asHttpHeaders(), body));
    }

    /**
     * Reads an upstream error response whose body is not in OpenAI's shape: {@code errorReader} turns the body (at
     * most 16 KB; {@code ""} when empty or larger) into OpenAI's error object, or {@code null} when it is no error
     * the provider wrote (an HTML page from a proxy).
     */
    public static Mono<GatewayException> read(
            String provider, ClientResponse response, Function<String, ErrorResponse.@Nullable Body> errorReader) {
        return body(response)
                .map(body -> fromError(
                        provider, response.statusCode(), response.headers().asHttpHeaders(), errorReader.apply(body)));
    }

    /**
     * The body of an upstream error response as text, at most 16 KB of it; empty when it is longer or absent. For
     * adapters that read their provider's own error format.
     */
    public static Mono<String> body(ClientResponse response) {
        return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()), MAX_ERROR_BODY)
                .map(ProviderErrors::text)
                .onErrorReturn(DataBufferLimitException.class, "")
                .defaultIfEmpty("");
    }

    /**
     * The exception for an upstream error status whose body the adapter has already read into OpenAI's error object
     * ({@code null}: nothing usable), such as Anthropic's envelope with its {@code code} normalised.
     */
    public static GatewayException fromError(
            String provider, HttpStatusCode status, HttpHeaders headers, ErrorResponse.@Nullable Body error) {
        return fromNode(provider, status, headers, error == null ? null : json.valueToTree(error));
    }

    /** The exception for an upstream error status, its headers and its body. */
    public static GatewayException fromStatus(
            String provider, HttpStatusCode status, HttpHeaders headers, String body) {
        return fromNode(provider, status, headers, errorOf(body));
    }

    private static GatewayException fromNode(
            String provider, HttpStatusCode status, HttpHeaders headers, @Nullable JsonNode error) {
        ErrorCode code = codeFor(status, error);
        return switch (code) {
            case UPSTREAM_REJECTED -> rejected(provider, status, error);
            case UPSTREAM_RATE_LIMITED ->
                GatewayException.builder(
                                code,
                                "The provider %s is rate limiting requests%s"
                                        .formatted(provider, suffix(textOf(error))))
                        .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds(headers, Instant.now()))
                        .build();
            case UPSTREAM_UNAVAILABLE -> GatewayException.upstream(code, unavailable(provider, status), null);
            default ->
                GatewayException.upstream(
                        code,
                        "The provider %s answered %d%s".formatted(provider, status.value(), suffix(textOf(error))),
                        null);
        };
    }

    /**
     * An upstream's advice on when to retry, as the whole seconds of a standard {@code Retry-After}, or {@code null}
     * when it gave none that parses. Providers send {@code retry-after-ms} (Azure, OpenAI; the most precise, so
     * preferred, as OpenAI's SDKs do), {@code retry-after} in seconds, sometimes fractional, or an HTTP date. Rounded
     * up, so a client that waits as told does not come back early.
     */
    static @Nullable String retryAfterSeconds(HttpHeaders headers, Instant now) {
        BigDecimal millis = decimal(headers.getFirst("retry-after-ms"));
        if (millis == null) {
            millis = retryAfterMillis(headers.getFirst(HttpHeaders.RETRY_AFTER), now);
        }
        return millis == null
                ? null
                : millis.divide(THOUSAND, 0, RoundingMode.CEILING).toPlainString();
    }

    private static @Nullable BigDecimal retryAfterMillis(@Nullable String value, Instant now) {
        BigDecimal seconds = decimal(value);
        if (seconds != null || value == null) {
            return seconds == null ? null : seconds.multiply(THOUSAND);
        }
        try {
            Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return BigDecimal.valueOf(Math.max(0, Duration.between(now, at).toMillis()));
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static @Nullable BigDecimal decimal(@Nullable String value) {
        try {
            BigDecimal number = value == null ? null : new BigDecimal(value.strip());
            return number == null || number.signum() < 0 ? null : number;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    static ErrorCode codeFor(HttpStatusCode status, @Nullable JsonNode error) {
        return codeFor(status, field(error, "code"));
    }

    static ErrorCode codeFor(HttpStatusCode status, @Nullable String upstreamCode) {
        return switch (status.value()) {
            case 429 -> UPSTREAM_RATE_LIMITED;
            case 408, 504 -> UPSTREAM_TIMEOUT;
            case 400, 409, 413, 422 -> ErrorCode.UPSTREAM_REJECTED; // the caller's request was wrong
            // A 404 is the caller's only when the provider says the model is unknown; otherwise our base URL is wrong.
            case 404 -> "model_not_found".equals(upstreamCode) ? ErrorCode.UPSTREAM_REJECTED : UPSTREAM_UNAVAILABLE;
            default -> UPSTREAM_UNAVAILABLE; // 401/403 mean our provider key is wrong; 5xx is theirs
        };
    }

    /**
     * The exception for an upstream error status whose body the adapter has read itself (see {@link UpstreamError}).
     * The status decides the {@link ErrorCode} as for every other provider; the error's normalised {@code code},
     * {@code type} and {@code param} reach the caller of a rejected request, and its {@code retryAfter} the caller of
     * a rate-limited one.
     */
    public static GatewayException fromStatus(String provider, HttpStatusCode status, UpstreamError error) {
        ErrorCode code = codeFor(status, error.code());
        String detail = error.message();
        return switch (code) {
            case UPSTREAM_REJECTED ->
                GatewayException.builder(
                                code,
                                detail != null ? detail : "The provider %s rejected the request.".formatted(provider))
                        .status(status)
                        .relayed(new GatewayException.Relayed(
                                orDefault(error.type(), "invalid_request_error"), error.code(), error.param()))
                        .build();
            case UPSTREAM_RATE_LIMITED ->
                GatewayException.builder(
                                code, "The provider %s is rate limiting requests%s".formatted(provider, suffix(detail)))
                        .header(HttpHeaders.RETRY_AFTER, error.retryAfter())
                        .build();
            case UPSTREAM_UNAVAILABLE -> GatewayException.upstream(code, unavailable(provider, status), null);
            default ->
                GatewayException.upstream(
                        code,
                        "The provider %s answered %d%s".formatted(provider, status.value(), suffix(detail)),
                        null);
        };
    }

    /**
     * A provider's safety system refused the prompt outright, with no answer at all. Shaped like Azure OpenAI's
     * refusal of a filtered prompt: 400, {@code invalid_request_error}, code {@code content_filter}, which callers
     * and fallbacks branch on. (An answer the filter cut short is a completion with {@code finish_reason}
     * {@code content_filter} instead.)
     */
    public static GatewayException contentFiltered(String provider, String detail) {
        return fromStatus(
                provider,
                HttpStatus.BAD_REQUEST,
                new UpstreamError(
                        "The provider %s's content filter blocked the prompt: %s".formatted(provider, detail),
                        "invalid_request_error",
                        "content_filter",
                        null,
                        null));
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

    /** An error event inside an otherwise successful stream or 200 response. */
    public static GatewayException errorEvent(String provider, @Nullable JsonNode error) {
        return GatewayException.upstream(
                UPSTREAM_UNAVAILABLE,
                "The provider %s reported an error%s".formatted(provider, suffix(textOf(error))),
                null);
    }

    /**
     * Maps failures of the call itself: timeouts to 504, I/O failures (refused, reset, closed early) to 502. Anything
     * else is a gateway bug and stays what it is, so it surfaces as an internal error instead of blaming the provider.
     */
    public static Function<Throwable, Throwable> translate(String provider) {
        return failure -> switch (failure) {
            case GatewayException known -> known;
            case TimeoutException timeout ->
                GatewayException.upstream(
                        UPSTREAM_TIMEOUT, "The provider %s did not answer in time.".formatted(provider), timeout);
            case WebClientRequestException io -> unreachable(provider, io);
            case IOException io -> unreachable(provider, io);
            case AbortedException aborted -> unreachable(provider, aborted);
            default -> failure;
        };
    }

    private static GatewayException unreachable(String provider, Throwable cause) {
        return GatewayException.upstream(
                UPSTREAM_UNAVAILABLE, "The provider %s could not be reached.".formatted(provider), cause);
    }

    private static GatewayException rejected(String provider, HttpStatusCode status, @Nullable JsonNode error) {
        String message = textOf(error);
        GatewayException.Relayed relayed = error == null
                ? null
                : new GatewayException.Relayed(
                        orDefault(field(error, "type"), "invalid_request_error"),
                        field(error, "code"),
                        field(error, "param"));
        return GatewayException.builder(
                        ErrorCode.UPSTREAM_REJECTED,
                        message != null ? message : "The provider %s rejected the request.".formatted(provider))
                .status(status)
                .relayed(relayed)
                .build();
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

    private static String orDefault(@Nullable String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String text(DataBuffer buffer) {
        try {
            return buffer.toString(StandardCharsets.UTF_8);
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    // OpenAI-style {"error":{…}}, {"error":"…"} or a bare {"message":…}; anything else (an HTML page) is not shown.
    static @Nullable JsonNode errorOf(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            JsonNode root = json.readTree(body);
            JsonNode error = root.path("error");
            return error.isMissingNode() || error.isNull() ? (root.isObject() ? root : null) : error;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static @Nullable String textOf(@Nullable JsonNode error) {
        if (error == null) {
            return null;
        }
        return error.isString() ? error.asString() : field(error, "message");
    }

    private static @Nullable String field(@Nullable JsonNode error, String name) {
        JsonNode value = error == null ? null : error.get(name);
        return value != null && value.isString() ? value.asString() : null;
    }
}
