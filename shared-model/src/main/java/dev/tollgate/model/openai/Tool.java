package dev.tollgate.model.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A tool the model may call.
 *
 * @param type {@code function}
 * @param function the function's declaration
 * @param extra fields this record does not model
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tool(
        @Nullable String type,
        @Nullable FunctionDefinition function,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Tool {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    /**
     * A function declaration.
     *
     * @param name function name
     * @param description what the function does, for the model
     * @param parameters JSON Schema of the arguments
     * @param strict whether the model must follow the schema exactly
     * @param extra fields this record does not model
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FunctionDefinition(
            @Nullable String name,
            @Nullable String description,
            @Nullable Map<String, Object> parameters,
            @Nullable Boolean strict,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
        public FunctionDefinition {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }

        public FunctionDefinition(
                @Nullable String name,
                @Nullable String description,
                @Nullable Map<String, Object> parameters,
                @Nullable Boolean strict) {
            this(name, description, parameters, strict, new LinkedHashMap<>());
        }
    }
}
