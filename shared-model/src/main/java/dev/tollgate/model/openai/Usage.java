package dev.tollgate.model.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Tokens a request spent, as the provider reports them.
 *
 * @param promptTokens input tokens, cached ones included
 * @param completionTokens output tokens, reasoning ones included
 * @param totalTokens the sum of both
 * @param promptTokensDetails the cached share of the prompt
 * @param completionTokensDetails the reasoning share of the output
 * @param extra fields this record does not model
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Usage(
        @JsonProperty("prompt_tokens") @Nullable Integer promptTokens,
        @JsonProperty("completion_tokens") @Nullable Integer completionTokens,
        @JsonProperty("total_tokens") @Nullable Integer totalTokens,
        @JsonProperty("prompt_tokens_details") @Nullable PromptTokensDetails promptTokensDetails,
        @JsonProperty("completion_tokens_details") @Nullable CompletionTokensDetails completionTokensDetails,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Usage {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    /** Usage with plain prompt and completion counts. */
    public static Usage of(int promptTokens, int completionTokens) {
        return new Usage(promptTokens, completionTokens, promptTokens + completionTokens, null, null, null);
    }

    /**
     * Breakdown of the prompt tokens.
     *
     * @param cachedTokens prompt tokens served from the provider's prompt cache
     * @param audioTokens audio input tokens
     * @param extra fields this record does not model
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PromptTokensDetails(
            @JsonProperty("cached_tokens") @Nullable Integer cachedTokens,
            @JsonProperty("audio_tokens") @Nullable Integer audioTokens,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
        public PromptTokensDetails {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }

        public PromptTokensDetails(@Nullable Integer cachedTokens, @Nullable Integer audioTokens) {
            this(cachedTokens, audioTokens, new LinkedHashMap<>());
        }
    }

    /**
     * Breakdown of the completion tokens.
     *
     * @param reasoningTokens tokens spent on hidden reasoning
     * @param audioTokens audio output tokens
     * @param acceptedPredictionTokens predicted-output tokens that appeared in the answer
     * @param rejectedPredictionTokens predicted-output tokens that did not
     * @param extra fields this record does not model
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CompletionTokensDetails(
            @JsonProperty("reasoning_tokens") @Nullable Integer reasoningTokens,
            @JsonProperty("audio_tokens") @Nullable Integer audioTokens,

            @JsonProperty("accepted_prediction_tokens") @Nullable
            Integer acceptedPredictionTokens,

            @JsonProperty("rejected_prediction_tokens") @Nullable
            Integer rejectedPredictionTokens,

            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
        public CompletionTokensDetails {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }

        public CompletionTokensDetails(
                @Nullable Integer reasoningTokens,
                @Nullable Integer audioTokens,
                @Nullable Integer acceptedPredictionTokens,
                @Nullable Integer rejectedPredictionTokens) {
            this(
                    reasoningTokens,
                    audioTokens,
                    acceptedPredictionTokens,
                    rejectedPredictionTokens,
                    new LinkedHashMap<>());
        }
    }
}
