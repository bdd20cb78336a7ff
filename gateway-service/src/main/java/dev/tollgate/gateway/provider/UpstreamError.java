package dev.tollgate.gateway.provider;

import org.jspecify.annotations.Nullable;

/**
 * A provider's error body as its adapter understood it, in OpenAI's terms. Adapters whose providers do not speak
 * OpenAI's error format (Gemini's {@code {"error":{"code","message","status","details"}}}) read their own bodies into
 * one and hand it to {@link ProviderErrors#fromStatus(String, org.springframework.http.HttpStatusCode, UpstreamError)},
 * which still decides the {@link dev.tollgate.gateway.error.ErrorCode}.
 *
 * @param message the provider's explanation, safe to show the caller; {@code null} when it gave none
 * @param type OpenAI's error {@code type} for a rejected request; {@code null} for {@code invalid_request_error}
 * @param code a normalised machine-readable code, such as {@code context_length_exceeded} or
 *     {@code content_filter}, which callers and fallbacks branch on
 * @param param the request field at fault, if known
 * @param retryAfter seconds to wait before retrying, as a {@code Retry-After} header value, when the provider said
 */
public record UpstreamError(
        @Nullable String message,
        @Nullable String type,
        @Nullable String code,
        @Nullable String param,
        @Nullable String retryAfter) {

    /** An error the provider explained with nothing but its status. */
    public static final UpstreamError NONE = new UpstreamError(null, null, null, null, null);
}
