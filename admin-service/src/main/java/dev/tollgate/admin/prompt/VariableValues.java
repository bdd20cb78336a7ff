package dev.tollgate.admin.prompt;

import dev.tollgate.admin.system.AdminException;
import dev.tollgate.model.prompt.PromptVariable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Checks the values given for a version's variables and turns them into the text that replaces placeholders. */
final class VariableValues {

    private VariableValues() {}

    /**
     * Every declared variable's text: the given value, else its default. Unknown names, missing required values and
     * values of the wrong type are all reported at once, each under {@code variables.<name>}.
     */
    static Map<String, String> resolve(List<PromptVariable> declared, Map<String, @Nullable Object> given) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        List<String> names = declared.stream().map(PromptVariable::name).toList();
        given.keySet().stream()
                .filter(name -> !names.contains(name))
                .forEach(name -> errors.put("variables." + name, "is not a variable of this version"));
        for (PromptVariable variable : declared) {
            Object value = given.get(variable.name()) != null ? given.get(variable.name()) : variable.defaultValue();
            String problem = problem(variable, value);
            if (problem != null) {
                errors.put("variables." + variable.name(), problem);
            } else {
                // An optional variable without value or default renders as nothing.
                texts.put(variable.name(), value == null ? "" : PromptVariable.text(value));
            }
        }
        if (!errors.isEmpty()) {
            throw AdminException.invalid(errors);
        }
        return texts;
    }

    /** What is wrong with {@code value} for {@code variable}, or {@code null} when nothing is. */
    static @Nullable String problem(PromptVariable variable, @Nullable Object value) {
        if (value == null) {
            return variable.required() ? "is required" : null;
        }
        return variable.accepts(value) ? null : "must be " + variable.describedType();
    }

    /**
     * A console field's text as the value of {@code type}. Text that does not parse stays text, so the type check
     * reports it; an empty field counts as no value.
     */
    static @Nullable Object fromText(String type, @Nullable String text) {
        if (text == null || text.isEmpty()) {
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
}
