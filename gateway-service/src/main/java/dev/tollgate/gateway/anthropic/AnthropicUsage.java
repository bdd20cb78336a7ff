package dev.tollgate.gateway.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Tokens a Messages request spent. Anthropic counts prompt-cache reads and writes apart from {@code input_tokens}.
 *
 * @param inputTokens input tokens neither read from nor written to the prompt cache
 * @param cacheCreationInputTokens input tokens written to the prompt cache
 * @param cacheReadInputTokens input tokens read from the prompt cache
 * @param outputTokens generated tokens, thinking included
 * @param serviceTier the tier that served the request
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnthropicUsage(
        @JsonProperty("input_tokens") @Nullable Integer inputTokens,

        @JsonProperty("cache_creation_input_tokens") @Nullable
        Integer cacheCreationInputTokens,

        @JsonProperty("cache_read_input_tokens") @Nullable Integer cacheReadInputTokens,
        @JsonProperty("output_tokens") @Nullable Integer outputTokens,
        @JsonProperty("service_tier") @Nullable String serviceTier) {

    /** Usage with the four counts and no tier. */
    public static AnthropicUsage of(int input, int cacheCreation, int cacheRead, int output) {
        return new AnthropicUsage(input, cacheCreation, cacheRead, output, null);
    }
}
