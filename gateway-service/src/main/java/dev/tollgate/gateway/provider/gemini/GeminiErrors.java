package dev.tollgate.gateway.provider.gemini;

import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.provider.ProviderErrors;
import dev.tollgate.gateway.provider.UpstreamError;
import dev.tollgate.gateway.provider.gemini.GeminiResponse.PromptFeedback;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads Gemini's errors into OpenAI's vocabulary before {@link ProviderErrors} decides what they mean. Gemini's body
 * is {@code {"error":{"code","message","status","details"}}}; its {@code code} is normalised so callers and fallbacks
 * can branch on it: {@code context_length_exceeded} for a prompt over the model's window, otherwise the gRPC status in
 * lower case ({@code invalid_argument}). A 429's {@code RetryInfo.retryDelay} ({@code "34.4s"}) becomes
 * {@code Retry-After} (whole seconds, rounded up). Gemini answers 400 where the fault is the gateway's configuration,
 * not the caller's request (an invalid API key, a region or billing precondition); those count as 401 and 403, so the
 * caller gets a 502 and the router may fall back.
 */
final class GeminiErrors {

    private static final Pattern CONTEXT_EXCEEDED = Pattern.compile(
            "exceeds the maximum number of tokens|input token count.*exceeds|input context is too long",
            Pattern.CASE_INSENSITIVE);

    private GeminiErrors() {}

    static Mono<GatewayException> read(String provider, ClientResponse response) {
        return ProviderErrors.body(response)
                .map(body ->
                        of(provider, response.statusCode(), response.headers().asHttpHeaders(), body));
    }

    static GatewayException of(String provider, HttpStatusCode status, HttpHeaders headers, String body) {
        GeminiError.Body error = parse(body);
        UpstreamError upstream = toUpstreamError(error);
        String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (retryAfter != null) {
            upstream = new UpstreamError(
                    upstream.message(), upstream.type(), upstream.code(), upstream.param(), retryAfter);
        }
        return ProviderErrors.fromStatus(provider, effectiveStatus(status, error), upstream);
    }

    /** An error object in place of a stream event: judged by the HTTP status it names, as if it had been the status. */
    static GatewayException inStream(String provider, GeminiError.Body error) {
        Integer code = error.code();
        if (code == null || code < 400 || code > 599) {
            return ProviderErrors.errorEvent(provider, GeminiMapper.JSON.valueToTree(error));
        }
        return ProviderErrors.fromStatus(
                provider, effectiveStatus(HttpStatusCode.valueOf(code), error), toUpstreamError(error));
    }

    /** Gemini refused the prompt itself ({@code promptFeedback.blockReason}, no candidates). */
    static GatewayException promptBlocked(String provider, PromptFeedback feedback) {
        String detail = feedback.blockReasonMessage() != null
                ? feedback.blockReason() + " (" + feedback.blockReasonMessage() + ")"
                : feedback.blockReason();
        return ProviderErrors.contentFiltered(provider, String.valueOf(detail));
    }

    static UpstreamError toUpstreamError(GeminiError.@Nullable Body error) {
        if (error == null) {
            return UpstreamError.NONE;
        }
        boolean tooLong = error.message() != null
                && CONTEXT_EXCEEDED.matcher(error.message()).find();
        String code = tooLong ? "context_length_exceeded" : lowerCase(error.status());
        return new UpstreamError(
                error.message(), "invalid_request_error", code, tooLong ? "messages" : null, retryAfter(error));
    }

    private static HttpStatusCode effectiveStatus(HttpStatusCode status, GeminiError.@Nullable Body error) {
        if (status.value() != 400 || error == null) {
            return status;
        }
        if (hasReason(error, "API_KEY_INVALID")) {
            return HttpStatus.UNAUTHORIZED;
        }
        return "FAILED_PRECONDITION".equals(error.status()) ? HttpStatus.FORBIDDEN : status;
    }

    private static boolean hasReason(GeminiError.Body error, String reason) {
        return error.detailsOrEmpty().stream()
                .anyMatch(detail -> reason.equals(detail.path("reason").asString(null)));
    }

    // google.rpc.RetryInfo's retryDelay is a protobuf Duration in JSON: decimal seconds with an "s", such as "34.4s".
    static @Nullable String retryAfter(GeminiError.Body error) {
        for (JsonNode detail : error.detailsOrEmpty()) {
            String delay = detail.path("retryDelay").asString(null);
            if (delay != null && delay.matches("\\d+(\\.\\d+)?s")) {
                BigDecimal seconds = new BigDecimal(delay.substring(0, delay.length() - 1));
                return seconds.setScale(0, RoundingMode.CEILING).toPlainString();
            }
        }
        return null;
    }

    // Google's error body, or the first of an array of them (streamGenerateContent without alt=sse answers arrays).
    static GeminiError.@Nullable Body parse(String body) {
        JsonNode root = GeminiMapper.parseOrNull(body);
        JsonNode error = root == null ? null : (root.isArray() ? root.path(0) : root).path("error");
        if (error == null || !error.isObject()) {
            return null;
        }
        try {
            return GeminiMapper.JSON.treeToValue(error, GeminiError.Body.class);
        } catch (JacksonException notGoogles) {
            return null;
        }
    }

    private static @Nullable String lowerCase(@Nullable String status) {
        return status == null ? null : status.toLowerCase(Locale.ROOT);
    }
}
