package dev.tollgate.gateway.provider.anthropic;

import dev.tollgate.gateway.anthropic.AnthropicMapper;
import dev.tollgate.gateway.anthropic.MessagesRequest;
import dev.tollgate.gateway.provider.UpstreamTarget;
import dev.tollgate.model.openai.ChatCompletionRequest;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * One Anthropic deployment: where it lives, how it is authenticated, and what every request to it carries.
 *
 * @param baseUrl the API root, such as {@code https://api.anthropic.com} (a trailing {@code /v1} is accepted too)
 * @param apiKey the key, sent as {@code x-api-key}
 * @param model the model name sent upstream
 * @param apiVersion the {@code anthropic-version} header
 * @param beta the {@code anthropic-beta} header, when the provider's {@code anthropic_beta} setting asks for one
 * @param defaultMaxTokens {@code max_tokens} for requests that set none
 */
record AnthropicTarget(
        URI baseUrl,
        @Nullable String apiKey,
        String model,
        String apiVersion,
        @Nullable String beta,
        int defaultMaxTokens) {

    static final String TYPE = "anthropic";

    /**
     * The target for a published deployment.
     *
     * @throws IllegalArgumentException when {@code default_max_tokens} is not a positive number
     */
    static AnthropicTarget of(UpstreamTarget target, AnthropicProperties defaults) {
        String maxTokens = target.settings().get("default_max_tokens");
        int defaultMaxTokens = maxTokens == null ? defaults.defaultMaxTokens() : Integer.parseInt(maxTokens.strip());
        if (defaultMaxTokens < 1) {
            throw new IllegalArgumentException("default_max_tokens must be positive");
        }
        return new AnthropicTarget(
                target.baseUrl() == null ? defaults.baseUrl() : target.baseUrl(),
                target.apiKey(),
                target.upstreamModel(),
                target.settings().getOrDefault("anthropic_version", defaults.apiVersion()),
                target.settings().get("anthropic_beta"),
                defaultMaxTokens);
    }

    /** {@code POST} address of the Messages API. */
    URI messagesUri() {
        String root = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(root.endsWith("/v1") ? root + "/messages" : root + "/v1/messages");
    }

    /** The request this deployment is sent for the caller's, streamed or not. */
    MessagesRequest request(ChatCompletionRequest request, boolean stream) {
        return AnthropicMapper.toMessagesRequest(request, model, defaultMaxTokens)
                .withStream(stream ? Boolean.TRUE : null);
    }

    void authenticate(HttpHeaders headers) {
        if (apiKey != null && !apiKey.isBlank()) {
            headers.set("x-api-key", apiKey);
        }
        headers.set("anthropic-version", apiVersion);
        if (beta != null && !beta.isBlank()) {
            headers.set("anthropic-beta", beta);
        }
    }

    @Override
    public String toString() {
        return "AnthropicTarget[baseUrl=%s, apiKey=%s, model=%s, apiVersion=%s]"
                .formatted(baseUrl, apiKey == null ? "none" : "***", model, apiVersion);
    }
}
