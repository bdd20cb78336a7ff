package dev.tollgate.gateway.anthropic;

import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.ResponseFormat;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code response_format} ({@code json_schema} or {@code json_object}) as a tool the model is made to call, whose
 * {@code input_schema} is the requested schema; its input comes back to the caller as the message's content.
 *
 * <p>Why a tool and not Anthropic's own structured outputs: those need a beta header and only some models accept
 * them, while forced tool use works on every Claude model, streams as ordinary {@code input_json_delta}s, and is what
 * Anthropic documents for JSON output. The price is that the schema is followed as the model follows any tool schema
 * (closely, not by constrained decoding), so {@code strict} is not enforced.
 *
 * @param name the tool's name: the schema's name, or {@code json_response}
 * @param description what the tool is for, for the model
 * @param schema the JSON Schema its input must follow
 */
record StructuredOutput(String name, String description, Map<String, Object> schema) {

    static final String DEFAULT_NAME = "json_response";
    private static final Pattern TOOL_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");
    private static final String DESCRIPTION =
            "Give your final answer by calling this tool. Its input is the answer, a JSON object following the schema.";

    /** The structured output a request asks for; {@code null} for plain text. */
    static @Nullable StructuredOutput of(ChatCompletionRequest request) {
        ResponseFormat format = request.responseFormat();
        if (format == null || format.type() == null || "text".equals(format.type())) {
            return null;
        }
        return switch (format.type()) {
            case "json_object" -> new StructuredOutput(DEFAULT_NAME, DESCRIPTION, Map.of("type", "object"));
            case "json_schema" -> ofSchema(format.jsonSchema());
            default ->
                throw ContentParts.invalid(
                        "response_format type '%s' is not supported.".formatted(format.type()), "response_format.type");
        };
    }

    private static StructuredOutput ofSchema(ResponseFormat.@Nullable JsonSchema jsonSchema) {
        if (jsonSchema == null || jsonSchema.schema() == null) {
            throw ContentParts.invalid("A json_schema response format needs a schema.", "response_format.json_schema");
        }
        String name = jsonSchema.name() == null ? DEFAULT_NAME : jsonSchema.name();
        if (!TOOL_NAME.matcher(name).matches()) {
            throw ContentParts.invalid(
                    "The schema name must match ^[a-zA-Z0-9_-]{1,64}$.", "response_format.json_schema.name");
        }
        String description = jsonSchema.description() == null ? DESCRIPTION : jsonSchema.description();
        return new StructuredOutput(name, description, jsonSchema.schema());
    }

    AnthropicTool tool() {
        return AnthropicTool.of(name, description, schema);
    }
}
