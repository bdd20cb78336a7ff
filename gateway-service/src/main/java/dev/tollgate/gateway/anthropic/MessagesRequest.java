package dev.tollgate.gateway.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /v1/messages}: sent upstream by the adapter, and read from callers by the Anthropic-compatible
 * ingress (unknown fields are ignored there).
 *
 * @param model the model to answer
 * @param maxTokens the most tokens to generate; required by Anthropic
 * @param system the system prompt, a string or text blocks
 * @param messages the conversation, alternating {@code user} and {@code assistant} turns
 * @param stopSequences strings that end generation
 * @param temperature sampling temperature, 0 to 1
 * @param topP nucleus sampling mass
 * @param topK only sample from the top K options
 * @param stream whether to answer as server-sent events
 * @param tools tools the model may use
 * @param toolChoice how the model may use them
 * @param metadata request metadata: the end user's id
 * @param thinking extended thinking configuration, passed as given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessagesRequest(
        @Nullable String model,
        @JsonProperty("max_tokens") @Nullable Integer maxTokens,
        @Nullable AnthropicContent system,
        @Nullable List<AnthropicMessage> messages,
        @JsonProperty("stop_sequences") @Nullable List<String> stopSequences,
        @Nullable Double temperature,
        @JsonProperty("top_p") @Nullable Double topP,
        @JsonProperty("top_k") @Nullable Integer topK,
        @Nullable Boolean stream,
        @Nullable List<AnthropicTool> tools,
        @JsonProperty("tool_choice") @Nullable AnthropicToolChoice toolChoice,
        @Nullable Metadata metadata,
        @Nullable Map<String, Object> thinking) {

    /** Whether the caller asked for a server-sent event stream. */
    public boolean streaming() {
        return Boolean.TRUE.equals(stream);
    }

    /** The same request, streamed or not ({@code null} leaves the field out). */
    public MessagesRequest withStream(@Nullable Boolean streamed) {
        return new MessagesRequest(
                model,
                maxTokens,
                system,
                messages,
                stopSequences,
                temperature,
                topP,
                topK,
                streamed,
                tools,
                toolChoice,
                metadata,
                thinking);
    }

    /**
     * Request metadata.
     *
     * @param userId an opaque id of the end user
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metadata(
            @JsonProperty("user_id") @Nullable String userId) {}
}
