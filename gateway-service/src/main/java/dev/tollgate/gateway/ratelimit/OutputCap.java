package dev.tollgate.gateway.ratelimit;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.ratelimit.RateLimitProperties.MaxTokensPolicy;
import dev.tollgate.model.key.KeyPrincipal;
import dev.tollgate.model.openai.ChatCompletionRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The key's {@code max_tokens} applied to a chat request, and the output a request is charged for up front. A request
 * never leaves uncapped when its key has a cap: one without an output cap gets {@code max_completion_tokens} set to
 * it; one above it is lowered ({@code clamp}) or refused ({@code reject}), per {@code tollgate.limits.max-tokens-policy}.
 */
@Component
public final class OutputCap {

    /** Names the cap the gateway imposed on a request's output. */
    public static final String CLAMPED_HEADER = "x-tollgate-max-tokens-clamped";

    private final RateLimitProperties properties;

    OutputCap(RateLimitProperties properties) {
        this.properties = properties;
    }

    /**
     * A request under its key's cap.
     *
     * @param request what to send upstream
     * @param clampedTo the cap, when the gateway set or lowered the request's own
     */
    public record Capped(
            ChatCompletionRequest request, @Nullable Integer clampedTo) {}

    /** {@code request} within {@code key}'s cap; fails with 400 under the {@code reject} policy. */
    public Capped apply(ChatCompletionRequest request, KeyPrincipal key) {
        Integer cap = key.maxTokens();
        if (cap == null) {
            return new Capped(request, null);
        }
        if (request.maxTokens() == null && request.maxCompletionTokens() == null) {
            return new Capped(withCaps(request, null, cap), cap);
        }
        if (!above(request.maxTokens(), cap) && !above(request.maxCompletionTokens(), cap)) {
            return new Capped(request, null);
        }
        if (properties.maxTokensPolicy() == MaxTokensPolicy.REJECT) {
            throw refused(request, cap);
        }
        return new Capped(
                withCaps(request, lowered(request.maxTokens(), cap), lowered(request.maxCompletionTokens(), cap)), cap);
    }

    /** The output charged up front: the request's own cap, else the configured default, once per choice. */
    public long outputEstimate(ChatCompletionRequest request) {
        Integer legacy = request.maxTokens();
        Integer current = request.maxCompletionTokens();
        long each = legacy == null && current == null
                ? properties.defaultOutputTokens()
                : Math.min(legacy == null ? Integer.MAX_VALUE : legacy, current == null ? Integer.MAX_VALUE : current);
        return each * Math.max(1, request.n() == null ? 1 : request.n());
    }

    private static GatewayException refused(ChatCompletionRequest request, int cap) {
        String field = above(request.maxTokens(), cap) ? "max_tokens" : "max_completion_tokens";
        return GatewayException.invalid(
                ErrorCode.INVALID_REQUEST,
                "%s is above this key's limit of %d output tokens per request.".formatted(field, cap),
                field);
    }

    private static boolean above(@Nullable Integer asked, int cap) {
        return asked != null && asked > cap;
    }

    private static @Nullable Integer lowered(@Nullable Integer asked, int cap) {
        return asked == null ? null : Math.min(asked, cap);
    }

    private static ChatCompletionRequest withCaps(
            ChatCompletionRequest request, @Nullable Integer maxTokens, @Nullable Integer maxCompletionTokens) {
        return new ChatCompletionRequest(
                request.model(),
                request.messages(),
                request.tools(),
                request.toolChoice(),
                request.responseFormat(),
                request.stream(),
                request.streamOptions(),
                maxTokens,
                maxCompletionTokens,
                request.temperature(),
                request.topP(),
                request.n(),
                request.stop(),
                request.seed(),
                request.user(),
                request.metadata(),
                request.extra());
    }
}
