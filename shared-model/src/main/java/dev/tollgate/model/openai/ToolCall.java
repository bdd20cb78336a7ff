package dev.tollgate.model.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A function call made by the assistant; in a stream, a fragment of one identified by {@code index}.
 *
 * @param index position of the call among the message's calls (stream deltas only)
 * @param id the call's id, which the answering {@code tool} message repeats
 * @param type always {@code function} today
 * @param function name and JSON-encoded arguments (arguments arrive in pieces when streaming)
 * @param extra fields this record does not model
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolCall(
        @Nullable Integer index,
        @Nullable String id,
        @Nullable String type,
        @Nullable FunctionCall function,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ToolCall {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    /**
     * The function part of a tool call.
     *
     * @param name function name
     * @param arguments arguments as a JSON string, exactly as the model produced them
     * @param extra fields this record does not model
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FunctionCall(
            @Nullable String name,
            @Nullable String arguments,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
        public FunctionCall {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }

        public FunctionCall(@Nullable String name, @Nullable String arguments) {
            this(name, arguments, new LinkedHashMap<>());
        }
    }
}
