package dev.tollgate.gateway.chat;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.EmbeddingRequest;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks the parts of a request the gateway relies on, so a mistake is answered here with the field named instead of
 * costing an upstream round trip. Provider-specific limits stay with the provider.
 */
public final class RequestValidator {

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

    // OpenAI's own limits: 2048 inputs per request; no embedding model has more dimensions than this.
    private static final int MAX_INPUTS = 2048;
    private static final int MAX_DIMENSIONS = 8192;

    private RequestValidator() {}

    /** The request itself, or a 400 naming the first invalid field. */
    public static ChatCompletionRequest validChat(ChatCompletionRequest request) {
        requireModel(request.model());
        requireMessages(request.messages());
        checkRange("n", request.n(), 1, 128);
        checkRange("max_tokens", request.maxTokens(), 1, Integer.MAX_VALUE);
        checkRange("max_completion_tokens", request.maxCompletionTokens(), 1, Integer.MAX_VALUE);
        checkRange("temperature", request.temperature(), 0, 2);
        checkRange("top_p", request.topP(), 0, 1);
        UpstreamOverrides.rejectIn(request);
        return request;
    }

    /** The request itself, or a 400 naming the first invalid field. */
    public static EmbeddingRequest validEmbedding(EmbeddingRequest request) {
        requireModel(request.model());
        Object input = request.input();
        boolean empty = input == null
                || (input instanceof String text && text.isEmpty())
                || input instanceof List<?> list && list.isEmpty();
        if (empty || !(input instanceof String || input instanceof List<?>)) {
            throw invalid("'input' must be a non-empty string or array.", "input");
        }
        checkRange("dimensions", request.dimensions(), 1, MAX_DIMENSIONS);
        if (input instanceof List<?> list && list.size() > MAX_INPUTS) {
            throw invalid("'input' may hold at most %d items.".formatted(MAX_INPUTS), "input");
        }
        UpstreamOverrides.rejectIn(request.extra(), "");
        return request;
    }

    private static void requireModel(@Nullable String model) {
        if (model == null || model.isBlank()) {
            throw invalid("'model' is required.", "model");
        }
    }

    private static void requireMessages(@Nullable List<ChatMessage> messages) {
        if (messages == null || messages.isEmpty()) {
            throw invalid("'messages' must be a non-empty array.", "messages");
        }
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            if (message == null || message.role() == null || !ROLES.contains(message.role())) {
                throw invalid(
                        "'messages[%d].role' must be one of %s.".formatted(i, ROLES), "messages[%d].role".formatted(i));
            }
        }
    }

    private static void checkRange(String field, @Nullable Number value, double min, double max) {
        if (value != null && (value.doubleValue() < min || value.doubleValue() > max)) {
            throw invalid("'%s' must be between %s and %s.".formatted(field, format(min), format(max)), field);
        }
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound);
    }

    private static GatewayException invalid(String message, String param) {
        return GatewayException.invalid(ErrorCode.INVALID_REQUEST, message, param);
    }
}
