package dev.tollgate.gateway.provider.gemini;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.provider.gemini.GeminiRequest.FunctionCallingConfig;
import dev.tollgate.gateway.provider.gemini.GeminiRequest.FunctionDeclaration;
import dev.tollgate.gateway.provider.gemini.GeminiRequest.GenerationConfig;
import dev.tollgate.gateway.provider.gemini.GeminiRequest.ThinkingConfig;
import dev.tollgate.gateway.provider.gemini.GeminiRequest.ToolConfig;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.ResponseFormat;
import dev.tollgate.model.openai.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pure functions from the gateway's chat requests to Gemini's {@code generateContent} body. What Gemini cannot do is
 * refused with a 400 that names the field; OpenAI parameters with no Gemini equivalent that change nothing a caller
 * relies on ({@code user}, {@code metadata}, {@code logit_bias}, {@code parallel_tool_calls}, {@code store},
 * {@code service_tier}, {@code logprobs}, {@code stream_options}…) are dropped, as docs/providers.md lists.
 */
final class GeminiMapper {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Integer> THINKING_BUDGETS =
            Map.of("none", 0, "minimal", 0, "low", 1024, "medium", 8192, "high", 24576);

    private GeminiMapper() {}

    static GeminiRequest toRequest(ChatCompletionRequest request) {
        List<ChatMessage> messages = request.messages() == null ? List.of() : request.messages();
        GeminiContents.Conversation conversation = GeminiContents.of(messages);
        List<FunctionDeclaration> functions = toFunctions(request.tools());
        GenerationConfig generation = toGenerationConfig(request);
        return new GeminiRequest(
                conversation.contents(),
                conversation.system(),
                functions.isEmpty() ? null : List.of(new GeminiRequest.Tool(functions)),
                functions.isEmpty() ? null : toToolConfig(request.toolChoice()),
                generation.isEmpty() ? null : generation);
    }

    static List<FunctionDeclaration> toFunctions(@Nullable List<Tool> tools) {
        List<FunctionDeclaration> functions = new ArrayList<>();
        for (int i = 0; tools != null && i < tools.size(); i++) {
            Tool tool = tools.get(i);
            if (tool == null || !"function".equals(tool.type()) || tool.function() == null) {
                throw invalid("only function tools are supported", "tools[" + i + "]");
            }
            functions.add(new FunctionDeclaration(
                    tool.function().name(),
                    tool.function().description(),
                    GeminiSchemas.toParameters(tool.function().parameters())));
        }
        return functions;
    }

    /** {@code none}, {@code auto}, {@code required} or one named function, as Gemini's calling mode. */
    static @Nullable ToolConfig toToolConfig(@Nullable Object toolChoice) {
        if (toolChoice == null) {
            return null;
        }
        String named = toolChoice instanceof Map<?, ?> choice
                        && choice.get("function") instanceof Map<?, ?> function
                        && function.get("name") instanceof String name
                ? name
                : null;
        String mode = named != null ? "ANY" : modeOf(toolChoice);
        return new ToolConfig(new FunctionCallingConfig(mode, named == null ? null : List.of(named)));
    }

    private static String modeOf(Object toolChoice) {
        return switch (String.valueOf(toolChoice)) {
            case "none" -> "NONE";
            case "auto" -> "AUTO";
            case "required" -> "ANY";
            default -> throw invalid("tool_choice must be none, auto, required or a function", "tool_choice");
        };
    }

    static GenerationConfig toGenerationConfig(ChatCompletionRequest request) {
        ResponseFormat format = request.responseFormat();
        Map<String, Object> extra = request.extra();
        return new GenerationConfig(
                stopSequences(request.stop()),
                responseMimeType(format),
                responseSchema(format),
                request.n(),
                request.maxCompletionTokens() != null ? request.maxCompletionTokens() : request.maxTokens(),
                request.temperature(),
                request.topP(),
                integer(extra, "top_k"),
                seed(request.seed()),
                number(extra, "presence_penalty"),
                number(extra, "frequency_penalty"),
                thinking(extra.get("reasoning_effort")));
    }

    private static @Nullable List<String> stopSequences(@Nullable Object stop) {
        if (stop == null || stop instanceof String) {
            return stop == null ? null : List.of((String) stop);
        }
        if (stop instanceof List<?> many && many.stream().allMatch(String.class::isInstance)) {
            return many.stream().map(String.class::cast).toList();
        }
        throw invalid("stop must be a string or an array of strings", "stop");
    }

    private static @Nullable String responseMimeType(@Nullable ResponseFormat format) {
        String type = format == null ? null : format.type();
        return switch (type) {
            case null -> null;
            case "text" -> null;
            case "json_object", "json_schema" -> "application/json";
            default -> throw invalid("response_format type " + type + " is unknown", "response_format");
        };
    }

    // responseSchema (Gemini's OpenAPI subset, every Gemini model) rather than responseJsonSchema (full JSON Schema,
    // newer models only): one schema conversion serves tools and outputs alike, and works on every model.
    private static @Nullable Map<String, Object> responseSchema(@Nullable ResponseFormat format) {
        boolean withSchema = format != null
                && "json_schema".equals(format.type())
                && format.jsonSchema() != null
                && format.jsonSchema().schema() != null;
        return withSchema ? GeminiSchemas.toResponseSchema(format.jsonSchema().schema()) : null;
    }

    private static @Nullable Integer seed(@Nullable Long seed) {
        if (seed != null && (seed < Integer.MIN_VALUE || seed > Integer.MAX_VALUE)) {
            throw invalid("seed must fit in 32 bits", "seed");
        }
        return seed == null ? null : seed.intValue();
    }

    // OpenAI's reasoning_effort as the thinking budgets Google's own OpenAI-compatible endpoint uses.
    private static @Nullable ThinkingConfig thinking(@Nullable Object effort) {
        if (effort == null) {
            return null;
        }
        Integer budget = THINKING_BUDGETS.get(String.valueOf(effort));
        if (budget == null) {
            throw invalid("reasoning_effort must be none, minimal, low, medium or high", "reasoning_effort");
        }
        return new ThinkingConfig(budget);
    }

    private static @Nullable Double number(Map<String, Object> extra, String name) {
        Object value = extra.get(name);
        if (value != null && !(value instanceof Number)) {
            throw invalid(name + " must be a number", name);
        }
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static @Nullable Integer integer(Map<String, Object> extra, String name) {
        Object value = extra.get(name);
        if (value != null && !(value instanceof Integer)) {
            throw invalid(name + " must be an integer", name);
        }
        return (Integer) value;
    }

    /** A 400 for a request Gemini cannot serve, naming the field at fault. */
    static GatewayException invalid(String what, @Nullable String param) {
        return GatewayException.invalid(
                ErrorCode.INVALID_REQUEST, "This model is served by Gemini, and " + what + ".", param);
    }

    /** {@code text} as JSON, or {@code null} when it is not JSON. */
    static @Nullable JsonNode parseOrNull(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JacksonException notJson) {
            return null;
        }
    }
}
