package dev.tollgate.gateway.anthropic;

import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.openai.ErrorResponse;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Errors both ways. Upstream, Anthropic's error envelope becomes OpenAI's error object with a {@code code} the routing
 * layer can act on; for the ingress, a gateway failure becomes Anthropic's envelope, its type chosen by status as
 * Anthropic chooses it.
 */
final class ErrorMapper {

    static final String CONTEXT_LENGTH_EXCEEDED = "context_length_exceeded";
    static final String CONTENT_FILTER = "content_filter";
    static final String MODEL_NOT_FOUND = "model_not_found";

    private ErrorMapper() {}

    /**
     * Anthropic's error in OpenAI's terms: same message, Anthropic's type (its names are OpenAI's where they overlap),
     * and a normalised code: {@code context_length_exceeded} for a prompt over the context window,
     * {@code content_filter} for output blocked by Anthropic's filtering policy, {@code model_not_found} for an
     * unknown model, else none (as OpenAI leaves it for most errors).
     */
    static ErrorResponse.Body toOpenAiError(AnthropicError.Body error) {
        String type = error.type() == null ? AnthropicError.API : error.type();
        String message = error.message() == null ? "" : error.message();
        return new ErrorResponse.Body(message, type, null, code(type, message.toLowerCase(Locale.ROOT)));
    }

    private static @Nullable String code(String type, String message) {
        if (message.contains("prompt is too long")
                || message.contains("exceed context limit")
                || message.contains("context window")) {
            return CONTEXT_LENGTH_EXCEEDED;
        }
        if (message.contains("content filtering policy")) {
            return CONTENT_FILTER;
        }
        if (AnthropicError.NOT_FOUND.equals(type) && message.startsWith("model:")) {
            return MODEL_NOT_FOUND;
        }
        return null;
    }

    static AnthropicError toAnthropicError(GatewayException error, @Nullable String requestId) {
        String message = Objects.requireNonNullElse(error.getMessage(), "The request failed.");
        return AnthropicError.of(type(error.status().value()), message, requestId);
    }

    static String type(int status) {
        return switch (status) {
            case 401 -> AnthropicError.AUTHENTICATION;
            case 402, 403 -> AnthropicError.PERMISSION;
            case 404 -> AnthropicError.NOT_FOUND;
            case 413 -> AnthropicError.REQUEST_TOO_LARGE;
            case 429 -> AnthropicError.RATE_LIMIT;
            case 529 -> AnthropicError.OVERLOADED;
            default -> status >= 500 ? AnthropicError.API : AnthropicError.INVALID_REQUEST;
        };
    }
}
