package dev.tollgate.gateway.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A tool the model may call.
 *
 * @param name its name, {@code ^[a-zA-Z0-9_-]{1,64}$}
 * @param description what it does, for the model
 * @param inputSchema JSON Schema of its input, an object
 * @param type set only for Anthropic's built-in tools (such as {@code web_search_20250305}), absent for custom tools
 * @param cacheControl a prompt-cache breakpoint
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnthropicTool(
        @Nullable String name,
        @Nullable String description,
        @JsonProperty("input_schema") @Nullable Map<String, Object> inputSchema,
        @Nullable String type,
        @JsonProperty("cache_control") @Nullable Map<String, Object> cacheControl) {

    /** A custom tool. */
    public static AnthropicTool of(String name, @Nullable String description, Map<String, Object> inputSchema) {
        return new AnthropicTool(name, description, inputSchema, null, null);
    }
}
