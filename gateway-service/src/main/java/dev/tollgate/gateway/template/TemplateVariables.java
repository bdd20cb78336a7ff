package dev.tollgate.gateway.template;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.prompt.PromptVariable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks the values a caller gave for a template's variables and turns them into the text that replaces
 * placeholders, with the admin preview's rules: the given value, else the default; an optional variable with neither
 * renders as nothing. The first problem is a 400 {@code invalid_request} with {@code param} {@code variables.<name>}.
 */
final class TemplateVariables {

    private TemplateVariables() {}

    /** Every declared variable's text, or a 400 naming the first unknown, missing or mistyped variable. */
    static Map<String, String> resolve(String template, List<PromptVariable> declared, Map<String, ?> given) {
        List<String> names = declared.stream().map(PromptVariable::name).toList();
        for (String name : given.keySet()) {
            if (!names.contains(name)) {
                throw invalid(name, "'%s' is not a variable of the prompt template '%s'.".formatted(name, template));
            }
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (PromptVariable variable : declared) {
            Object value = given.get(variable.name()) != null ? given.get(variable.name()) : variable.defaultValue();
            check(template, variable, value);
            texts.put(variable.name(), value == null ? "" : PromptVariable.text(value));
        }
        return texts;
    }

    /**
     * Values given as strings (the entries of {@code metadata}, which OpenAI defines as strings), read as the type
     * each variable declares. Text that does not parse stays text, so the type check reports it; an empty string
     * counts as no value.
     */
    static Map<String, @Nullable Object> fromText(List<PromptVariable> declared, Map<String, String> given) {
        Map<String, String> types = new HashMap<>();
        declared.forEach(variable -> types.put(variable.name(), variable.type()));
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        given.forEach((name, text) -> values.put(name, fromText(types.getOrDefault(name, "string"), text)));
        return values;
    }

    private static @Nullable Object fromText(String type, String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return switch (type) {
                case "number" -> new BigDecimal(text.strip());
                case "integer" -> new BigInteger(text.strip());
                case "boolean" ->
                    "true".equals(text.strip()) ? Boolean.TRUE : "false".equals(text.strip()) ? Boolean.FALSE : text;
                default -> text;
            };
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }

    private static void check(String template, PromptVariable variable, @Nullable Object value) {
        String name = variable.name();
        if (value == null && variable.required()) {
            throw invalid(name, "The prompt template '%s' requires the variable '%s'.".formatted(template, name));
        }
        if (value != null && !variable.accepts(value)) {
            throw invalid(name, "The variable '%s' must be %s.".formatted(name, variable.describedType()));
        }
    }

    private static GatewayException invalid(String name, String message) {
        return GatewayException.invalid(ErrorCode.INVALID_REQUEST, message, "variables." + name);
    }
}
