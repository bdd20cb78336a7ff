package dev.tollgate.gateway.anthropic;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code delta} of a stream event: a block's {@code text_delta}, {@code input_json_delta}, {@code thinking_delta}
 * or {@code signature_delta}, or, on {@code message_delta}, the message's {@code stop_reason} and
 * {@code stop_sequence}. Anthropic writes {@code "stop_sequence":null} on every {@code message_delta} but never on
 * block deltas, so it lives in {@code extra}, whose entries are written even when {@code null}.
 *
 * @param type the delta type; absent on {@code message_delta}
 * @param text appended text
 * @param partialJson the next piece of a tool call's input JSON
 * @param thinking appended reasoning
 * @param signature the thinking block's signature
 * @param stopReason why generation stopped, on {@code message_delta}
 * @param extra {@code stop_sequence}, and fields this record does not model
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StreamDelta(
        @Nullable String type,
        @Nullable String text,
        @JsonProperty("partial_json") @Nullable String partialJson,
        @Nullable String thinking,
        @Nullable String signature,
        @JsonProperty("stop_reason") @Nullable String stopReason,
        @JsonAnySetter @JsonAnyGetter Map<String, @Nullable Object> extra) {

    public static final String TEXT_DELTA = "text_delta";
    public static final String INPUT_JSON_DELTA = "input_json_delta";
    public static final String THINKING_DELTA = "thinking_delta";
    public static final String SIGNATURE_DELTA = "signature_delta";

    public StreamDelta {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    static StreamDelta text(String text) {
        return new StreamDelta(TEXT_DELTA, text, null, null, null, null, null);
    }

    static StreamDelta inputJson(String partialJson) {
        return new StreamDelta(INPUT_JSON_DELTA, null, partialJson, null, null, null, null);
    }

    static StreamDelta stop(String stopReason) {
        Map<String, @Nullable Object> stopSequence = new LinkedHashMap<>();
        stopSequence.put("stop_sequence", null);
        return new StreamDelta(null, null, null, null, null, stopReason, stopSequence);
    }
}
