package dev.tollgate.gateway.error;

import org.springframework.http.HttpStatus;

/** Every error the gateway answers with: its HTTP status, OpenAI {@code type} and {@code code}, and retry advice. */
public enum ErrorCode {
    INVALID_API_KEY(HttpStatus.UNAUTHORIZED, "invalid_request_error", "invalid_api_key", false),
    INVALID_JSON(HttpStatus.BAD_REQUEST, "invalid_request_error", "invalid_json", false),
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid_request_error", "invalid_request", false),
    REQUEST_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "invalid_request_error", "request_too_large", false),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "invalid_request_error", "unsupported_media_type", false),
    UNKNOWN_URL(HttpStatus.NOT_FOUND, "invalid_request_error", "unknown_url", false),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "invalid_request_error", "method_not_allowed", false),
    // A guardrail refused the request, or withheld the answer; OpenAI answers its own content refusals with this code.
    CONTENT_POLICY_VIOLATION(HttpStatus.BAD_REQUEST, "invalid_request_error", "content_policy_violation", false),
    MODEL_NOT_FOUND(HttpStatus.NOT_FOUND, "invalid_request_error", "model_not_found", false),
    // OpenAI's own shape for its rate limits: the type says which limit, the code is shared.
    RATE_LIMITED_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "requests", "rate_limit_exceeded", true),
    RATE_LIMITED_TOKENS(HttpStatus.TOO_MANY_REQUESTS, "tokens", "rate_limit_exceeded", true),
    BUDGET_EXCEEDED(HttpStatus.TOO_MANY_REQUESTS, "insufficient_quota", "budget_exceeded", false),
    BUDGET_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "api_error", "budget_unavailable", true),
    UPSTREAM_REJECTED(HttpStatus.BAD_REQUEST, "invalid_request_error", "upstream_rejected", false),
    UPSTREAM_RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate_limit_error", "upstream_rate_limited", true),
    UPSTREAM_UNAVAILABLE(HttpStatus.BAD_GATEWAY, "api_error", "upstream_unavailable", true),
    UPSTREAM_INVALID_RESPONSE(HttpStatus.BAD_GATEWAY, "api_error", "upstream_invalid_response", true),
    UPSTREAM_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "api_error", "upstream_timeout", true),
    CONFIG_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "api_error", "config_unavailable", true),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "api_error", "internal_error", true);

    private final HttpStatus status;
    private final String type;
    private final String code;
    private final boolean retriable;

    ErrorCode(HttpStatus status, String type, String code, boolean retriable) {
        this.status = status;
        this.type = type;
        this.code = code;
        this.retriable = retriable;
    }

    public HttpStatus status() {
        return status;
    }

    /** OpenAI's error {@code type}, such as {@code invalid_request_error}. */
    public String type() {
        return type;
    }

    /** The stable, documented machine-readable code. */
    public String code() {
        return code;
    }

    /** Whether the same request may succeed if sent again later. */
    public boolean retriable() {
        return retriable;
    }
}
