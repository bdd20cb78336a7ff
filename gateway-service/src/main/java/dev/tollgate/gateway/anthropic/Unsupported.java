package dev.tollgate.gateway.anthropic;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.openai.ChatCompletionRequest;
import java.util.List;
import java.util.Map;

/**
 * OpenAI parameters the Messages API has no equivalent for. Those whose absence the caller would not notice are left
 * out ({@link #IGNORED}); those that ask for something the answer would silently lack are refused with a 400: several
 * choices ({@code n > 1}), log probabilities, and audio.
 */
final class Unsupported {

    /** Dropped without a word: sampling hints and OpenAI-only features whose absence changes no answer's shape. */
    static final List<String> IGNORED = List.of(
            "seed",
            "presence_penalty",
            "frequency_penalty",
            "logit_bias",
            "service_tier",
            "store",
            "metadata",
            "prediction",
            "prompt_cache_key",
            "safety_identifier",
            "reasoning_effort",
            "verbosity",
            "web_search_options",
            "stream_options");

    private Unsupported() {}

    static void reject(ChatCompletionRequest request) {
        if (request.n() != null && request.n() > 1) {
            throw refused("Anthropic answers with one choice per request; 'n' must be 1.", "n");
        }
        Map<String, Object> extra = request.extra();
        if (Boolean.TRUE.equals(extra.get("logprobs")) || extra.get("top_logprobs") != null) {
            throw refused("Anthropic does not return log probabilities.", "logprobs");
        }
        if (extra.get("audio") != null
                || extra.get("modalities") instanceof List<?> modalities && modalities.contains("audio")) {
            throw refused("Anthropic does not generate audio.", "modalities");
        }
    }

    private static GatewayException refused(String message, String param) {
        return GatewayException.invalid(ErrorCode.INVALID_REQUEST, message, param);
    }
}
