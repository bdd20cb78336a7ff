package dev.tollgate.gateway.provider.gemini;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Gemini's {@code GenerateContentResponse}: a whole answer, or, in a stream, one fragment of it. An error event in a
 * stream has only {@code error}.
 *
 * @param candidates the alternatives; absent when the prompt was blocked
 * @param promptFeedback why the prompt was blocked, if it was
 * @param usageMetadata tokens spent so far
 * @param modelVersion the model that answered, such as {@code gemini-2.5-flash}
 * @param responseId the answer's id, the same on every fragment of a stream
 * @param error an error reported in place of an answer
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record GeminiResponse(
        @JsonProperty("candidates") @Nullable List<Candidate> candidates,
        @JsonProperty("promptFeedback") @Nullable PromptFeedback promptFeedback,
        @JsonProperty("usageMetadata") @Nullable UsageMetadata usageMetadata,
        @JsonProperty("modelVersion") @Nullable String modelVersion,
        @JsonProperty("responseId") @Nullable String responseId,
        @JsonProperty("error") GeminiError.@Nullable Body error) {

    List<Candidate> candidatesOrEmpty() {
        return candidates == null ? List.of() : candidates;
    }

    /** Whether Gemini refused the prompt itself: a block reason and no candidates. */
    boolean promptBlocked() {
        return candidatesOrEmpty().isEmpty() && promptFeedback != null && promptFeedback.blockReason() != null;
    }

    /**
     * One alternative.
     *
     * @param content the generated turn
     * @param finishReason why generation stopped; absent until the last fragment of a stream
     * @param index its position among the candidates
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Candidate(
            @JsonProperty("content") @Nullable GeminiContent content,
            @JsonProperty("finishReason") @Nullable String finishReason,
            @JsonProperty("index") @Nullable Integer index) {

        List<GeminiContent.Part> parts() {
            return content == null ? List.of() : content.partsOrEmpty();
        }
    }

    /**
     * Gemini's verdict on the prompt.
     *
     * @param blockReason why it was refused, such as {@code SAFETY} or {@code PROHIBITED_CONTENT}
     * @param blockReasonMessage a readable explanation, when given
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PromptFeedback(
            @JsonProperty("blockReason") @Nullable String blockReason,
            @JsonProperty("blockReasonMessage") @Nullable String blockReasonMessage) {}

    /**
     * Tokens spent.
     *
     * @param promptTokenCount prompt tokens, cached content included
     * @param cachedContentTokenCount the cached share of the prompt
     * @param candidatesTokenCount generated tokens of every candidate, thoughts excluded
     * @param thoughtsTokenCount tokens a thinking model spent reasoning
     * @param toolUsePromptTokenCount prompt tokens of built-in tool use, billed as input
     * @param totalTokenCount all of them
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UsageMetadata(
            @JsonProperty("promptTokenCount") @Nullable Integer promptTokenCount,

            @JsonProperty("cachedContentTokenCount") @Nullable
            Integer cachedContentTokenCount,

            @JsonProperty("candidatesTokenCount") @Nullable Integer candidatesTokenCount,
            @JsonProperty("thoughtsTokenCount") @Nullable Integer thoughtsTokenCount,

            @JsonProperty("toolUsePromptTokenCount") @Nullable
            Integer toolUsePromptTokenCount,

            @JsonProperty("totalTokenCount") @Nullable Integer totalTokenCount) {}
}
