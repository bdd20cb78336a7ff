package dev.tollgate.model.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /v1/chat/completions}.
 *
 * @param model the public model name the client asks for
 * @param messages the conversation so far
 * @param tools functions the model may call
 * @param toolChoice {@code "none"}, {@code "auto"}, {@code "required"} or an object naming one function
 * @param responseFormat text, JSON mode or a JSON schema the reply must follow
 * @param stream whether to answer as server-sent {@code chat.completion.chunk} events
 * @param streamOptions options for streaming, such as {@code include_usage}
 * @param maxTokens legacy cap on generated tokens
 * @param maxCompletionTokens cap on generated tokens, reasoning tokens included
 * @param temperature sampling temperature
 * @param topP nucleus sampling mass
 * @param n number of choices to generate
 * @param stop a string or an array of up to four strings that end generation
 * @param seed best-effort determinism seed
 * @param user the end user on whose behalf the call is made
 * @param metadata free-form string tags
 * @param extra every field this record does not model, passed to the upstream as received
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionRequest(
        @Nullable String model,
        @Nullable List<ChatMessage> messages,
        @Nullable List<Tool> tools,
        @JsonProperty("tool_choice") @Nullable Object toolChoice,
        @JsonProperty("response_format") @Nullable ResponseFormat responseFormat,
        @Nullable Boolean stream,
        @JsonProperty("stream_options") @Nullable StreamOptions streamOptions,
        @JsonProperty("max_tokens") @Nullable Integer maxTokens,
        @JsonProperty("max_completion_tokens") @Nullable Integer maxCompletionTokens,
        @Nullable Double temperature,
        @JsonProperty("top_p") @Nullable Double topP,
        @Nullable Integer n,
        @Nullable Object stop,
        @Nullable Long seed,
        @Nullable String user,
        @Nullable Map<String, String> metadata,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ChatCompletionRequest {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    /** Whether the client asked for a server-sent event stream. */
    public boolean streaming() {
        return Boolean.TRUE.equals(stream);
    }

    /** Whether a streaming client asked for the final usage chunk. */
    public boolean wantsStreamUsage() {
        return streamOptions != null && Boolean.TRUE.equals(streamOptions.includeUsage());
    }
}
