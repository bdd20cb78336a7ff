package dev.tollgate.gateway.provider.bedrock;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.provider.bedrock.ConverseRequest.InputSchema;
import dev.tollgate.gateway.provider.bedrock.ConverseRequest.Tool;
import dev.tollgate.gateway.provider.bedrock.ConverseRequest.ToolChoice;
import dev.tollgate.gateway.provider.bedrock.ConverseRequest.ToolConfig;
import dev.tollgate.gateway.provider.bedrock.ConverseRequest.ToolSpec;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.ResponseFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Tools and tool choice in Converse's terms, and structured output: a {@code json_schema} (or {@code json_object})
 * response format becomes one more tool whose input schema is the requested schema, which the model is made to call;
 * its input is the answer.
 */
final class BedrockTools {

    static final String DEFAULT_OUTPUT_TOOL = "json_response";
    private static final Map<String, Object> ANY_OBJECT = Map.of("type", "object");
    // Ordered, unlike Map.of, so that the same request always has the same bytes (and the same signature).
    private static final Map<String, Object> NO_PARAMETERS = noParameters();

    private BedrockTools() {}

    private static Map<String, Object> noParameters() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", Map.of());
        return Collections.unmodifiableMap(schema);
    }

    /**
     * The tool that carries a structured answer.
     *
     * @param name the tool's name: the schema's, else {@code json_response}
     * @param description the schema's description
     * @param schema the JSON Schema the answer must follow
     */
    record OutputTool(String name, @Nullable String description, Map<String, Object> schema) {}

    /** The structured-output tool the request asks for; {@code null} for plain text answers. */
    static @Nullable OutputTool outputTool(ChatCompletionRequest request) {
        ResponseFormat format = request.responseFormat();
        String type = format == null ? "text" : String.valueOf(format.type());
        return switch (type) {
            case "json_object" -> new OutputTool(DEFAULT_OUTPUT_TOOL, "Answer with a JSON object.", ANY_OBJECT);
            case "json_schema" -> fromSchema(format.jsonSchema());
            default -> null;
        };
    }

    private static OutputTool fromSchema(ResponseFormat.@Nullable JsonSchema schema) {
        if (schema == null) {
            return new OutputTool(DEFAULT_OUTPUT_TOOL, null, ANY_OBJECT);
        }
        String name = schema.name() == null || schema.name().isBlank() ? DEFAULT_OUTPUT_TOOL : schema.name();
        return new OutputTool(name, schema.description(), schema.schema() == null ? ANY_OBJECT : schema.schema());
    }

    /**
     * The tool configuration: the caller's functions (none with {@code tool_choice: "none"}, unless the history holds
     * tool calls, which Converse refuses without tools) plus the output tool, which the model must call.
     */
    static @Nullable ToolConfig toolConfig(ChatCompletionRequest request, @Nullable OutputTool output) {
        boolean none = "none".equals(request.toolChoice());
        List<Tool> tools = new ArrayList<>();
        if (request.tools() != null && (!none || historyHasToolCalls(request))) {
            request.tools().stream().map(BedrockTools::tool).forEach(tools::add);
        }
        if (output != null) {
            checkNoClash(tools, output.name());
            tools.add(new Tool(new ToolSpec(output.name(), output.description(), new InputSchema(output.schema()))));
        }
        if (tools.isEmpty()) {
            return null;
        }
        return new ToolConfig(tools, choice(request.toolChoice(), none, output));
    }

    // With an output tool, "any" makes the model call a tool (the caller's, or the output tool to answer). "any" rather
    // than naming the output tool, because Converse supports a named tool choice only on some models.
    private static @Nullable ToolChoice choice(@Nullable Object choice, boolean none, @Nullable OutputTool output) {
        String named = namedFunction(choice);
        if (named != null) {
            return ToolChoice.named(named);
        }
        if (output != null || "required".equals(choice)) {
            return ToolChoice.ANY;
        }
        if (none || choice == null || "auto".equals(choice)) {
            return null; // Converse's default is auto; "none" left its tools out, or keeps them only for the history
        }
        throw invalid("tool_choice must be none, auto, required or a function.", "tool_choice");
    }

    private static @Nullable String namedFunction(@Nullable Object choice) {
        if (choice instanceof Map<?, ?> map && map.get("function") instanceof Map<?, ?> function) {
            if (function.get("name") instanceof String name && !name.isBlank()) {
                return name;
            }
            throw invalid("A tool_choice function needs a name.", "tool_choice");
        }
        return null;
    }

    private static Tool tool(dev.tollgate.model.openai.Tool tool) {
        if (!"function".equals(tool.type())
                || tool.function() == null
                || tool.function().name() == null) {
            throw invalid("Bedrock supports only function tools with a name.", "tools");
        }
        var function = tool.function();
        Map<String, Object> schema = function.parameters() == null ? NO_PARAMETERS : function.parameters();
        return new Tool(new ToolSpec(function.name(), function.description(), new InputSchema(schema)));
    }

    private static boolean historyHasToolCalls(ChatCompletionRequest request) {
        return request.messages() != null && request.messages().stream().anyMatch(BedrockTools::isToolTraffic);
    }

    private static boolean isToolTraffic(ChatMessage message) {
        return "tool".equals(message.role())
                || (message.toolCalls() != null && !message.toolCalls().isEmpty());
    }

    private static void checkNoClash(List<Tool> tools, String name) {
        if (tools.stream().anyMatch(tool -> tool.toolSpec().name().equals(name))) {
            throw invalid(
                    "The response_format schema name '%s' is also the name of a tool; rename one.".formatted(name),
                    "response_format");
        }
    }

    private static GatewayException invalid(String message, String param) {
        return GatewayException.invalid(ErrorCode.INVALID_REQUEST, message, param);
    }
}
