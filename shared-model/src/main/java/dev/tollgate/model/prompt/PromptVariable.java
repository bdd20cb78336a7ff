package dev.tollgate.model.prompt;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * A variable a prompt template's placeholders may name.
 *
 * @param name identifier used as {@code {{name}}}
 * @param type {@code string}, {@code number}, {@code integer} or {@code boolean}
 * @param required whether a value must be given; a required variable has no default
 * @param defaultValue the value used when none is given, of {@code type}; {@code null} for none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PromptVariable(
        String name,
        String type,
        boolean required,
        @JsonProperty("default") @Nullable Object defaultValue) {

    /**
     * Whether {@code value} (as JSON reads it) is of this variable's type. The console and the gateway both check
     * values with it, so a template that previews also renders.
     */
    public boolean accepts(Object value) {
        return switch (type) {
            case "string" -> value instanceof String;
            case "number" -> value instanceof Number;
            case "integer" -> isInteger(value);
            case "boolean" -> value instanceof Boolean;
            default -> false;
        };
    }

    /** The type as an error message names it: {@code a string}, {@code an integer}. */
    public String describedType() {
        return "integer".equals(type) ? "an integer" : "a " + type;
    }

    /** {@code value} as the text substituted for its placeholder; numbers in plain notation, never {@code 1.0E7}. */
    public static String text(Object value) {
        return switch (value) {
            case Double d -> new BigDecimal(d.toString()).toPlainString();
            case Float f -> new BigDecimal(f.toString()).toPlainString();
            case BigDecimal decimal -> decimal.toPlainString();
            default -> String.valueOf(value);
        };
    }

    private static boolean isInteger(Object value) {
        return switch (value) {
            case Integer i -> true;
            case Long l -> true;
            case BigInteger b -> true;
            case Short s -> true;
            case BigDecimal decimal -> decimal.stripTrailingZeros().scale() <= 0;
            default -> false;
        };
    }
}
