package dev.tollgate.gateway.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * How the model may use the tools.
 *
 * @param type {@code auto}, {@code any} (some tool), {@code tool} (the named one) or {@code none}
 * @param name the tool to call, for {@code tool}
 * @param disableParallelToolUse at most one tool call per turn when {@code true}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnthropicToolChoice(
        @Nullable String type,
        @Nullable String name,
        @JsonProperty("disable_parallel_tool_use") @Nullable Boolean disableParallelToolUse) {

    public static final String AUTO = "auto";
    public static final String ANY = "any";
    public static final String TOOL = "tool";
    public static final String NONE = "none";
}
