package dev.tollgate.gateway.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Anthropic's error envelope, {@code {"type":"error","error":{"type","message"},"request_id"}}: what the Messages API
 * answers on failure, and what the ingress answers its callers.
 *
 * @param type always {@code error}
 * @param error the error itself
 * @param requestId the request's id, when known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnthropicError(
        @Nullable String type,
        @Nullable Body error,
        @JsonProperty("request_id") @Nullable String requestId) {

    public static final String INVALID_REQUEST = "invalid_request_error";
    public static final String AUTHENTICATION = "authentication_error";
    public static final String PERMISSION = "permission_error";
    public static final String NOT_FOUND = "not_found_error";
    public static final String REQUEST_TOO_LARGE = "request_too_large";
    public static final String RATE_LIMIT = "rate_limit_error";
    public static final String API = "api_error";
    public static final String OVERLOADED = "overloaded_error";

    /** An envelope around one error. */
    public static AnthropicError of(String type, String message, @Nullable String requestId) {
        return new AnthropicError("error", new Body(type, message), requestId);
    }

    /**
     * The error inside the envelope.
     *
     * @param type the error class, such as {@code invalid_request_error} or {@code overloaded_error}
     * @param message a human-readable explanation
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Body(@Nullable String type, @Nullable String message) {}
}
