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
 * A non-streaming answer ({@code object: "chat.completion"}).
 *
 * @param id the completion's id
 * @param object always {@code chat.completion}
 * @param created Unix seconds
 * @param model the model that answered
 * @param choices one per requested {@code n}
 * @param usage tokens spent
 * @param systemFingerprint backend configuration fingerprint
 * @param serviceTier the tier that served the request
 * @param extra fields this record does not model
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletion(
        @Nullable String id,
        @Nullable String object,
        @Nullable Long created,
        @Nullable String model,
        @Nullable List<Choice> choices,
        @Nullable Usage usage,
        @JsonProperty("system_fingerprint") @Nullable String systemFingerprint,
        @JsonProperty("service_tier") @Nullable String serviceTier,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public static final String OBJECT = "chat.completion";

    public ChatCompletion {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    /**
     * One generated alternative.
     *
     * @param index position among the choices
     * @param message the assistant message
     * @param finishReason {@code stop}, {@code length}, {@code tool_calls}, {@code content_filter}
     * @param logprobs log probabilities, when requested
     * @param extra fields this record does not model
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Choice(
            @Nullable Integer index,
            @Nullable ChatMessage message,
            @JsonProperty("finish_reason") @Nullable String finishReason,
            @Nullable Object logprobs,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

        public Choice {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }
    }
}
