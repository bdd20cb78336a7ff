package dev.tollgate.gateway.provider.bedrock;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /model/{modelId}/converse} and {@code …/converse-stream}; the model id is in the path.
 *
 * @param messages the conversation, alternating {@code user} and {@code assistant} turns, starting with a user turn
 * @param system system prompts
 * @param inferenceConfig sampling and length limits
 * @param toolConfig the tools the model may call and how it must choose
 * @param additionalModelRequestFields model-specific fields, passed through from the caller
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ConverseRequest(
        List<Message> messages,
        @Nullable List<SystemBlock> system,
        @Nullable InferenceConfig inferenceConfig,
        @Nullable ToolConfig toolConfig,
        @Nullable Map<String, Object> additionalModelRequestFields) {

    /**
     * One turn of the conversation.
     *
     * @param role {@code user} or {@code assistant}
     * @param content its blocks
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Message(String role, List<ContentBlock> content) {}

    /**
     * A system prompt block.
     *
     * @param text the prompt
     */
    record SystemBlock(String text) {}

    /**
     * Inference parameters common to all models.
     *
     * @param maxTokens cap on generated tokens
     * @param temperature sampling temperature
     * @param topP nucleus sampling mass
     * @param stopSequences strings that end generation
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InferenceConfig(
            @Nullable Integer maxTokens,
            @Nullable Double temperature,
            @Nullable Double topP,
            @Nullable List<String> stopSequences) {

        boolean isEmpty() {
            return maxTokens == null && temperature == null && topP == null && stopSequences == null;
        }
    }

    /**
     * Tools and the choice among them.
     *
     * @param tools tool specifications
     * @param toolChoice {@code auto} (when absent), {@code any} or one named {@code tool}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ToolConfig(List<Tool> tools, @Nullable ToolChoice toolChoice) {}

    /**
     * One tool.
     *
     * @param toolSpec its specification
     */
    record Tool(ToolSpec toolSpec) {}

    /**
     * A function the model may call.
     *
     * @param name its name
     * @param description what it does, for the model
     * @param inputSchema the JSON Schema of its input
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ToolSpec(String name, @Nullable String description, InputSchema inputSchema) {}

    /**
     * A tool's input schema.
     *
     * @param json the JSON Schema
     */
    record InputSchema(Map<String, Object> json) {}

    /**
     * How the model chooses among the tools; exactly one member is set.
     *
     * @param any the model must call at least one tool
     * @param tool the model must call the named tool
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ToolChoice(
            @Nullable Map<String, Object> any, @Nullable NamedTool tool) {

        static final ToolChoice ANY = new ToolChoice(Map.of(), null);

        static ToolChoice named(String name) {
            return new ToolChoice(null, new NamedTool(name));
        }
    }

    /**
     * A tool named in a tool choice.
     *
     * @param name the tool's name
     */
    record NamedTool(String name) {}
}
