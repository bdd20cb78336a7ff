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
 * One server-sent event of a streaming answer ({@code object: "chat.completion.chunk"}). The usage chunk that
 * {@code stream_options.include_usage} asks for has empty {@code choices} and a {@code usage}.
 *
 * @param id the completion's id, the same on every chunk
 * @param object always {@code chat.completion.chunk}
 * @param created Unix seconds
 * @param model the model that answers
 * @param choices deltas, one per choice index
 * @param usage tokens spent, on the usage chunk only
 * @param systemFingerprint backend configuration fingerprint
 * @param serviceTier the tier that served the request
 * @param extra fields this record does not model
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionChunk(
        @Nullable String id,
        @Nullable String object,
        @Nullable Long created,
        @Nullable String model,
        @Nullable List<ChunkChoice> choices,
        @Nullable Usage usage,
        @JsonProperty("system_fingerprint") @Nullable String systemFingerprint,
        @JsonProperty("service_tier") @Nullable String serviceTier,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public static final String OBJECT = "chat.completion.chunk";

    public ChatCompletionChunk {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    /** Whether this is the trailing usage-only chunk. */
    public boolean usageOnly() {
        return usage != null && (choices == null || choices.isEmpty());
    }

    /**
     * The delta of one choice.
     *
     * @param index the choice's position
     * @param delta the new role, content or tool-call fragments
     * @param finishReason set on the choice's last chunk
     * @param logprobs log probabilities, when requested
     * @param extra fields this record does not model
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChunkChoice(
            @Nullable Integer index,
            @Nullable ChatMessage delta,
            @JsonProperty("finish_reason") @Nullable String finishReason,
            @Nullable Object logprobs,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

        public ChunkChoice {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }
    }
}
