package dev.tollgate.model.prompt;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
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
        @JsonProperty("default") @Nullable Object defaultValue) {}
