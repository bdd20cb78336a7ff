package dev.tollgate.gateway.anthropic;

import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * OpenAI {@code tools} and {@code tool_choice} to Anthropic's: functions become custom tools with their parameters as
 * {@code input_schema}; {@code auto}, {@code none}, {@code required} and a named function become {@code auto},
 * {@code none}, {@code any} and {@code tool}; {@code parallel_tool_calls: false} becomes
 * {@code disable_parallel_tool_use}. A structured output adds its tool, and the choice makes the model answer with it:
 * {@code tool} when the caller has no tools of its own (or chose {@code none}), {@code any} when the model may still
 * call the caller's tools first.
 */
final class Tools {

    private Tools() {}

    static @Nullable List<AnthropicTool> tools(ChatCompletionRequest request, @Nullable StructuredOutput output) {
        List<Tool> declared = request.tools() == null ? List.of() : request.tools();
        List<AnthropicTool> tools = new ArrayList<>();
        for (int i = 0; i < declared.size(); i++) {
            tools.add(tool(declared.get(i), "tools[%d]".formatted(i)));
        }
        if (output != null) {
            if (tools.stream().anyMatch(tool -> output.name().equals(tool.name()))) {
                throw ContentParts.invalid(
                        "The response format's schema name must differ from every tool name.",
                        "response_format.json_schema.name");
            }
            tools.add(output.tool());
        }
        return tools.isEmpty() ? null : tools;
    }

    private static AnthropicTool tool(Tool tool, String param) {
        if (tool.type() != null && !"function".equals(tool.type())) {
            throw ContentParts.invalid("Only function tools can be sent to Anthropic.", param + ".type");
        }
        Tool.FunctionDefinition function = tool.function();
        if (function == null || function.name() == null) {
            throw ContentParts.invalid("A function tool needs a name.", param + ".function.name");
        }
        Map<String, Object> schema =
                function.parameters() == null ? AnthropicJson.emptySchema() : function.parameters();
        return new AnthropicTool(
                function.name(), function.description(), schema, null, ContentParts.cacheControl(tool.extra()));
    }

    static @Nullable AnthropicToolChoice choice(ChatCompletionRequest request, @Nullable StructuredOutput output) {
        Choice choice = Choice.of(request.toolChoice());
        boolean ownTools = request.tools() != null && !request.tools().isEmpty();
        Boolean serial = Boolean.FALSE.equals(request.extra().get("parallel_tool_calls")) ? Boolean.TRUE : null;
        if (output != null) {
            return forOutput(choice, ownTools, output, serial);
        }
        if (!ownTools || (choice.mode() == null && serial == null)) {
            return null; // Anthropic's default is auto; a choice without tools would be refused
        }
        return switch (choice.mode() == null ? "auto" : choice.mode()) {
            case "none" -> new AnthropicToolChoice(AnthropicToolChoice.NONE, null, null);
            case "required" -> new AnthropicToolChoice(AnthropicToolChoice.ANY, null, serial);
            case "function" -> new AnthropicToolChoice(AnthropicToolChoice.TOOL, choice.name(), serial);
            default -> new AnthropicToolChoice(AnthropicToolChoice.AUTO, null, serial);
        };
    }

    private static AnthropicToolChoice forOutput(
            Choice choice, boolean ownTools, StructuredOutput output, @Nullable Boolean serial) {
        if ("function".equals(choice.mode())) {
            return new AnthropicToolChoice(AnthropicToolChoice.TOOL, choice.name(), serial);
        }
        if (ownTools && !"none".equals(choice.mode())) {
            return new AnthropicToolChoice(AnthropicToolChoice.ANY, null, serial);
        }
        return new AnthropicToolChoice(AnthropicToolChoice.TOOL, output.name(), serial);
    }

    /** OpenAI's tool_choice: a mode string, or an object naming one function. */
    private record Choice(@Nullable String mode, @Nullable String name) {

        private static final java.util.Set<String> MODES = java.util.Set.of("auto", "none", "required");

        static Choice of(@Nullable Object toolChoice) {
            if (toolChoice == null) {
                return new Choice(null, null);
            }
            if (toolChoice instanceof String mode && MODES.contains(mode)) {
                return new Choice(mode, null);
            }
            if (toolChoice instanceof Map<?, ?> named
                    && named.get("function") instanceof Map<?, ?> function
                    && function.get("name") instanceof String name) {
                return new Choice("function", name);
            }
            throw ContentParts.invalid("tool_choice must be auto, none, required or a named function.", "tool_choice");
        }
    }
}
