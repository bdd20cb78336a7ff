package dev.tollgate.gateway.provider.bedrock;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Answer of {@code converse}; the {@code metadata} event of a stream carries the same {@link TokenUsage}.
 *
 * @param output the assistant's message
 * @param stopReason why generation stopped: {@code end_turn}, {@code tool_use}, {@code max_tokens},
 *     {@code stop_sequence}, {@code guardrail_intervened}, {@code content_filtered}
 * @param usage tokens spent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ConverseResponse(
        @Nullable Output output,
        @Nullable String stopReason,
        @Nullable TokenUsage usage) {

    /**
     * The output union; only {@code message} exists today.
     *
     * @param message the assistant's message
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Output(@Nullable Message message) {}

    /**
     * An answered message.
     *
     * @param role always {@code assistant}
     * @param content its blocks
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(@Nullable String role, @Nullable List<ContentBlock> content) {}

    /**
     * Tokens one call spent. {@code inputTokens} excludes the cached prompt: {@code totalTokens} is the sum of all four.
     *
     * @param inputTokens prompt tokens neither read from nor written to the prompt cache
     * @param outputTokens generated tokens
     * @param totalTokens all of them
     * @param cacheReadInputTokens prompt tokens read from the cache
     * @param cacheWriteInputTokens prompt tokens written to the cache
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenUsage(
            @Nullable Integer inputTokens,
            @Nullable Integer outputTokens,
            @Nullable Integer totalTokens,
            @Nullable Integer cacheReadInputTokens,
            @Nullable Integer cacheWriteInputTokens) {}
}
