package dev.tollgate.gateway.anthropic;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tool arguments cross between OpenAI (a JSON string, exactly as the model wrote it) and Anthropic (a JSON object).
 * A plain mapper is enough: the strings come from models or from callers whose whole body was already parsed.
 */
final class AnthropicJson {

    private static final JsonMapper json = JsonMapper.builder().build();

    private AnthropicJson() {}

    /** The arguments as a JSON object; none or blank is the empty object; anything but an object is a 400. */
    static ObjectNode arguments(@Nullable String arguments, String param) {
        if (arguments == null || arguments.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode parsed = json.readTree(arguments);
            if (parsed instanceof ObjectNode object) {
                return object;
            }
        } catch (JacksonException malformed) {
            // answered below, like any other non-object
        }
        throw GatewayException.invalid(
                ErrorCode.INVALID_REQUEST,
                "'%s' must be a JSON object to be sent to Anthropic.".formatted(param),
                param);
    }

    /** Arguments a model wrote, parsed leniently: what is not a JSON object becomes the empty object. */
    static ObjectNode argumentsOrEmpty(@Nullable String arguments) {
        try {
            return arguments(arguments, "arguments");
        } catch (GatewayException notAnObject) {
            return json.createObjectNode();
        }
    }

    /** A tool input as OpenAI's arguments string; none is {@code {}}. */
    static String write(@Nullable JsonNode input) {
        return input == null || input.isNull() ? "{}" : json.writeValueAsString(input);
    }

    static ObjectNode emptyObject() {
        return json.createObjectNode();
    }

    /** The schema of a tool that takes no parameters. */
    static Map<String, Object> emptySchema() {
        return Map.of("type", "object", "properties", Map.of());
    }
}
