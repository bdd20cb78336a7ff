package dev.tollgate.admin.prompt;

import dev.tollgate.admin.system.AdminException;
import dev.tollgate.model.prompt.PromptVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's version editor. Rows repeat the same field names ({@code role}, {@code content}, {@code varName}, …)
 * and are read by position from the raw form data, so a message's commas are never taken for list separators. Rows
 * left blank are dropped; errors about the remaining rows are mapped back to the row the user sees.
 */
record VersionPageForm(
        List<MessageRow> messages, String model, String parameters, List<VariableRow> variables, String overridable) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ROW_FIELD = Pattern.compile("^(messages|variables)\\[(\\d+)](.*)$");
    private static final int BLANK_ROWS = 2;

    /** The editor for the next version, starting from {@code latest} when there is one. */
    static VersionPageForm startingFrom(@Nullable VersionView latest) {
        if (latest == null) {
            return new VersionPageForm(List.of(new MessageRow("system", "")), "", "{}", List.of(), "").withBlankRows();
        }
        List<MessageRow> messages = latest.messages().stream()
                .map(message -> new MessageRow(message.role(), message.content()))
                .toList();
        List<VariableRow> variables =
                latest.variables().stream().map(VariableRow::of).toList();
        return new VersionPageForm(
                        messages,
                        latest.model(),
                        JSON.writeValueAsString(latest.parameters()),
                        variables,
                        String.join(", ", latest.overridable()))
                .withBlankRows();
    }

    static VersionPageForm from(MultiValueMap<String, String> form) {
        List<String> roles = all(form, "role");
        List<String> contents = all(form, "content");
        List<MessageRow> messages = new ArrayList<>();
        for (int i = 0; i < Math.max(roles.size(), contents.size()); i++) {
            messages.add(new MessageRow(at(roles, i), at(contents, i)));
        }
        List<String> names = all(form, "varName");
        List<String> types = all(form, "varType");
        List<String> required = all(form, "varRequired");
        List<String> defaults = all(form, "varDefault");
        List<VariableRow> variables = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            variables.add(new VariableRow(at(names, i), at(types, i), at(required, i), at(defaults, i)));
        }
        String model = form.getFirst("model");
        String parameters = form.getFirst("parameters");
        String overridable = form.getFirst("overridable");
        return new VersionPageForm(
                messages,
                model == null ? "" : model.strip(),
                parameters == null ? "" : parameters,
                variables,
                overridable == null ? "" : overridable);
    }

    VersionPageForm withBlankRows() {
        List<MessageRow> rows = new ArrayList<>(messages);
        List<VariableRow> vars = new ArrayList<>(variables);
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(new MessageRow("user", ""));
            vars.add(new VariableRow("", "string", "no", ""));
        }
        return new VersionPageForm(rows, model, parameters, vars, overridable);
    }

    /** The draft this form describes; a 400 naming the parameters when they are not a JSON object. */
    VersionForm toVersionForm() {
        List<VersionForm.Message> kept = messages.stream()
                .filter(row -> !row.blank())
                .map(row -> new VersionForm.Message(row.role(), row.content()))
                .toList();
        List<VersionForm.Variable> vars = variables.stream()
                .filter(row -> !row.name().isBlank())
                .map(VariableRow::toVariable)
                .toList();
        List<String> names = Arrays.stream(overridable.split("[,\\s]+"))
                .filter(name -> !name.isBlank())
                .toList();
        return new VersionForm(kept, model, parsedParameters(), vars, names);
    }

    /** {@code errors} with the row numbers of kept rows turned back into the numbers of the rows on the page. */
    Map<String, String> onPage(Map<String, String> errors) {
        List<Integer> keptMessages =
                keptRows(messages.stream().map(MessageRow::blank).toList());
        List<Integer> keptVariables =
                keptRows(variables.stream().map(row -> row.name().isBlank()).toList());
        Map<String, String> mapped = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            Matcher row = ROW_FIELD.matcher(field);
            if (!row.matches()) {
                mapped.put(field, message);
                return;
            }
            List<Integer> kept = "messages".equals(row.group(1)) ? keptMessages : keptVariables;
            int index = Integer.parseInt(row.group(2));
            int onPage = index < kept.size() ? kept.get(index) : index;
            mapped.put(row.group(1) + "[" + onPage + "]" + row.group(3), message);
        });
        return mapped;
    }

    private Map<String, Object> parsedParameters() {
        if (parameters.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(parameters, new TypeReference<Map<String, Object>>() {});
        } catch (JacksonException notAnObject) {
            throw AdminException.invalid(Map.of("parameters", "must be a JSON object, such as {\"temperature\": 0.2}"));
        }
    }

    private static List<Integer> keptRows(List<Boolean> blank) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < blank.size(); i++) {
            if (!blank.get(i)) {
                kept.add(i);
            }
        }
        return kept;
    }

    private static List<String> all(MultiValueMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null ? List.of() : values;
    }

    private static String at(List<String> values, int index) {
        return index < values.size() ? values.get(index) : "";
    }

    /** One message row; a row without content is dropped. */
    record MessageRow(String role, String content) {

        boolean blank() {
            return content.isBlank();
        }
    }

    /**
     * One variable row; a row without a name is dropped.
     *
     * @param required {@code yes} or {@code no}
     * @param defaultText the default as typed, turned into a value of {@code type}
     */
    record VariableRow(String name, String type, String required, String defaultText) {

        static VariableRow of(PromptVariable variable) {
            Object value = variable.defaultValue();
            return new VariableRow(
                    variable.name(),
                    variable.type(),
                    variable.required() ? "yes" : "no",
                    value == null ? "" : String.valueOf(value));
        }

        VersionForm.Variable toVariable() {
            return new VersionForm.Variable(
                    name.strip(), type, "yes".equals(required), VariableValues.fromText(type, defaultText));
        }
    }
}
