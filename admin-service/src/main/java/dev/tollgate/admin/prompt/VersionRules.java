package dev.tollgate.admin.prompt;

import dev.tollgate.admin.system.AdminException;
import dev.tollgate.model.prompt.Placeholders;
import dev.tollgate.model.prompt.PromptMessage;
import dev.tollgate.model.prompt.PromptVariable;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What makes a draft version valid. Every problem is reported at once, each under the field it concerns. */
final class VersionRules {

    static final List<String> ROLES = List.of("system", "developer", "user", "assistant");
    static final List<String> TYPES = List.of("string", "number", "integer", "boolean");
    private static final Pattern MODEL = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$");
    private static final int MAX_MESSAGES = 50;
    private static final int MAX_CONTENT = 100_000;
    private static final int MAX_OVERRIDABLE = 32;

    private VersionRules() {}

    /** Refuses {@code form} with a 400 naming each field at fault. */
    static void check(VersionForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        checkMessages(form, errors);
        if (form.model() == null || !MODEL.matcher(form.model()).matches()) {
            errors.put("model", "must be a model name such as gpt-4o-mini");
        }
        List<PromptVariable> variables = form.promptVariables();
        checkVariables(form, variables, errors);
        checkOverridable(form, errors);
        Set<String> unknown = undeclared(form.promptMessages(), variables);
        if (!unknown.isEmpty()) {
            errors.put("messages", "use undeclared variables: " + String.join(", ", unknown));
        }
        if (!errors.isEmpty()) {
            throw AdminException.invalid(errors);
        }
    }

    /** The placeholder names the messages use that no variable declares, in order of first use. */
    static Set<String> undeclared(List<PromptMessage> messages, List<PromptVariable> variables) {
        Set<String> names = new LinkedHashSet<>();
        messages.forEach(message -> names.addAll(Placeholders.in(message.content())));
        variables.forEach(variable -> names.remove(variable.name()));
        return names;
    }

    private static void checkMessages(VersionForm form, Map<String, String> errors) {
        List<VersionForm.Message> messages = form.messages() == null ? List.of() : form.messages();
        if (messages.isEmpty() || messages.size() > MAX_MESSAGES) {
            errors.put("messages", "must hold 1 to " + MAX_MESSAGES + " messages");
        }
        for (int i = 0; i < messages.size(); i++) {
            VersionForm.Message message = messages.get(i);
            if (!ROLES.contains(message.role())) {
                errors.put("messages[" + i + "].role", "must be one of " + String.join(", ", ROLES));
            }
            if (message.content() == null
                    || message.content().isBlank()
                    || message.content().length() > MAX_CONTENT) {
                errors.put("messages[" + i + "].content", "must be 1 to " + MAX_CONTENT + " characters");
            }
        }
    }

    private static void checkOverridable(VersionForm form, Map<String, String> errors) {
        List<String> names = form.overridableOrEmpty();
        if (names.size() > MAX_OVERRIDABLE) {
            errors.put("overridable", "must name at most " + MAX_OVERRIDABLE + " parameters");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || !form.parametersOrEmpty().containsKey(name)) {
                errors.put(
                        "overridable[" + i + "]",
                        "must name one of this version's parameters; a parameter it does not set is the client's");
            } else if (!seen.add(name)) {
                errors.put("overridable[" + i + "]", "repeats " + name);
            }
        }
    }

    private static void checkVariables(VersionForm form, List<PromptVariable> variables, Map<String, String> errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < variables.size(); i++) {
            PromptVariable variable = variables.get(i);
            String field = "variables[" + i + "]";
            if (form.variables().get(i).name() == null
                    || !Placeholders.NAME.matcher(variable.name()).matches()) {
                errors.put(field + ".name", "must be a letter or _ followed by letters, digits or _");
            } else if (!seen.add(variable.name())) {
                errors.put(field + ".name", "repeats " + variable.name());
            }
            if (!TYPES.contains(variable.type())) {
                errors.put(field + ".type", "must be one of " + String.join(", ", TYPES));
            } else if (variable.defaultValue() != null && !variable.accepts(variable.defaultValue())) {
                errors.put(field + ".default", "must be of type " + variable.type());
            }
            if (variable.required() && variable.defaultValue() != null) {
                errors.put(field + ".default", "is never used: a required variable must be given a value");
            }
        }
    }
}
