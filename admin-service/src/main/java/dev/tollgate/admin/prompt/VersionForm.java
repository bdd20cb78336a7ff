package dev.tollgate.admin.prompt;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tollgate.model.prompt.PromptMessage;
import dev.tollgate.model.prompt.PromptVariable;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A draft version, as posted to {@code POST /api/v1/templates/{id}/versions}. Checked by {@link VersionRules}, which
 * names every field at fault at once.
 *
 * @param messages chat messages whose content may hold {@code {{variable}}} placeholders
 * @param model the public model name the prompt is written for
 * @param parameters request parameters such as {@code temperature}
 * @param variables the variables the placeholders may name
 * @param overridable the parameters (of {@code parameters}) a client may set to another value
 */
record VersionForm(
        @Nullable List<Message> messages,
        @Nullable String model,
        @Nullable Map<String, Object> parameters,
        @Nullable List<Variable> variables,
        @Nullable List<String> overridable) {

    List<PromptMessage> promptMessages() {
        return messages == null
                ? List.of()
                : messages.stream()
                        .map(message ->
                                new PromptMessage(String.valueOf(message.role()), String.valueOf(message.content())))
                        .toList();
    }

    List<PromptVariable> promptVariables() {
        return variables == null
                ? List.of()
                : variables.stream()
                        .map(variable -> new PromptVariable(
                                String.valueOf(variable.name()),
                                variable.type() == null ? "string" : variable.type(),
                                Boolean.TRUE.equals(variable.required()),
                                variable.defaultValue()))
                        .toList();
    }

    Map<String, Object> parametersOrEmpty() {
        return parameters == null ? Map.of() : parameters;
    }

    List<String> overridableOrEmpty() {
        return overridable == null ? List.of() : overridable;
    }

    /**
     * @param role {@code system}, {@code developer}, {@code user} or {@code assistant}
     * @param content the text, with placeholders
     */
    record Message(@Nullable String role, @Nullable String content) {}

    /**
     * @param name identifier used as {@code {{name}}}
     * @param type {@code string} (the default), {@code number}, {@code integer} or {@code boolean}
     * @param required whether a value must be given; false when absent
     * @param defaultValue the value used when none is given
     */
    record Variable(
            @Nullable String name,
            @Nullable String type,
            @Nullable Boolean required,
            @JsonProperty("default") @Nullable Object defaultValue) {}
}
