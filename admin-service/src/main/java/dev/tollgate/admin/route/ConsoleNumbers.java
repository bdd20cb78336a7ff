package dev.tollgate.admin.route;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reads the numbers and ids typed into a console form, collecting what does not parse by the field's API path
 * ({@code deployments[0].weight}). An empty field is {@code null}: left out, as in the REST API.
 */
final class ConsoleNumbers {

    private final Map<String, String> errors;
    private final String prefix;

    private ConsoleNumbers(Map<String, String> errors, String prefix) {
        this.errors = errors;
        this.prefix = prefix;
    }

    static ConsoleNumbers collecting() {
        return new ConsoleNumbers(new LinkedHashMap<>(), "");
    }

    /** The same collection, for the fields under {@code path} (such as {@code retry.}). */
    ConsoleNumbers under(String path) {
        return new ConsoleNumbers(errors, prefix + path);
    }

    Map<String, String> errors() {
        return errors;
    }

    @Nullable
    Integer integer(String field, String text) {
        try {
            return text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            errors.put(prefix + field, "must be a whole number");
            return null;
        }
    }

    @Nullable
    BigDecimal decimal(String field, String text) {
        try {
            return text.isBlank() ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException notANumber) {
            errors.put(prefix + field, "must be a decimal number such as 2.50");
            return null;
        }
    }

    @Nullable
    UUID uuid(String field, String text) {
        try {
            return text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException notAnId) {
            errors.put(prefix + field, "is not a valid id");
            return null;
        }
    }

    /** {@code text} as a whole number, or {@code otherwise}. */
    static int integer(String text, int otherwise) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException notANumber) {
            return otherwise;
        }
    }
}
