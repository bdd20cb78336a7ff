package dev.tollgate.model.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The shape the reply must take.
 *
 * @param type {@code text}, {@code json_object} or {@code json_schema}
 * @param jsonSchema the schema, when {@code type} is {@code json_schema}
 * @param extra fields this record does not model
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponseFormat(
        @Nullable String type,
        @JsonProperty("json_schema") @Nullable JsonSchema jsonSchema,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public ResponseFormat {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    public ResponseFormat(@Nullable String type, @Nullable JsonSchema jsonSchema) {
        this(type, jsonSchema, new LinkedHashMap<>());
    }

    /**
     * A named JSON schema for structured outputs.
     *
     * @param name schema name
     * @param description what the schema describes
     * @param schema the JSON Schema itself
     * @param strict whether the model must follow it exactly
     * @param extra fields this record does not model
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JsonSchema(
            @Nullable String name,
            @Nullable String description,
            @Nullable Map<String, Object> schema,
            @Nullable Boolean strict,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
        public JsonSchema {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }

        public JsonSchema(
                @Nullable String name,
                @Nullable String description,
                @Nullable Map<String, Object> schema,
                @Nullable Boolean strict) {
            this(name, description, schema, strict, new LinkedHashMap<>());
        }
    }
}
