package dev.tollgate.admin.guardrail;

import static dev.tollgate.model.guardrail.GuardrailRule.DENY_LIST;
import static dev.tollgate.model.guardrail.GuardrailRule.INJECTION;
import static dev.tollgate.model.guardrail.GuardrailRule.JSON_SCHEMA;
import static dev.tollgate.model.guardrail.GuardrailRule.NATIONAL_ID;

import dev.tollgate.admin.guardrail.PolicyForm.RuleForm;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.model.guardrail.GuardrailKeys;
import dev.tollgate.model.guardrail.GuardrailPolicy;
import dev.tollgate.model.guardrail.GuardrailRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** What makes a guardrail policy valid. Every problem is reported at once, each under the field it concerns. */
final class PolicyRules {

    static final List<String> SCOPES =
            List.of(GuardrailPolicy.GLOBAL, GuardrailPolicy.TENANT, GuardrailPolicy.KEY, GuardrailPolicy.ROUTE);
    static final List<String> DETECTORS =
            GuardrailRule.DETECTORS.stream().sorted().toList();
    static final List<String> ACTIONS = List.of(GuardrailRule.BLOCK, GuardrailRule.REDACT, GuardrailRule.LOG);
    static final int MAX_RULES = 50;
    static final int MAX_TERMS = 500;
    static final int MAX_PATTERNS = 20;
    static final int MAX_TERM_LENGTH = 200;
    private static final Pattern LABEL = Pattern.compile("^[A-Z][A-Z0-9_]{0,31}$");
    private static final Pattern MODEL = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$");

    private PolicyRules() {}

    /** The policy, checked and normalised; a 400 naming each field at fault otherwise. */
    static CheckedPolicy check(PolicyForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.put("name", "must be 1 to 200 characters");
        }
        String scopeId = scopeId(form.scope(), form.scopeId(), errors);
        List<GuardrailRule> input = rules("input", form.input(), errors);
        List<GuardrailRule> output = rules("output", form.output(), errors);
        if (input.isEmpty() && output.isEmpty() && !errors.containsKey("input") && !errors.containsKey("output")) {
            errors.put("input", "a policy needs at least one input or output rule");
        }
        boolean reversible = Boolean.TRUE.equals(form.reversible());
        if (reversible && input.stream().noneMatch(rule -> GuardrailRule.REDACT.equals(rule.action()))) {
            errors.put("reversible", "needs at least one input rule whose action is redact");
        }
        if (!errors.isEmpty()) {
            throw AdminException.invalid(errors);
        }
        boolean enabled = form.enabled() == null || form.enabled();
        return new CheckedPolicy(name, String.valueOf(form.scope()), scopeId, input, output, reversible, enabled);
    }

    private static String scopeId(@Nullable String scope, @Nullable String scopeId, Map<String, String> errors) {
        String id = scopeId == null ? "" : scopeId.strip();
        if (scope == null || !SCOPES.contains(scope)) {
            errors.put("scope", "must be one of " + String.join(", ", SCOPES));
            return id;
        }
        return switch (scope) {
            case GuardrailPolicy.GLOBAL -> {
                if (!id.isEmpty() && !id.equals(GuardrailKeys.GLOBAL_ID)) {
                    errors.put("scope_id", "must be " + GuardrailKeys.GLOBAL_ID + " (or absent) for a global policy");
                }
                yield GuardrailKeys.GLOBAL_ID;
            }
            case GuardrailPolicy.ROUTE -> {
                if (!MODEL.matcher(id).matches()) {
                    errors.put("scope_id", "must be a public model name such as gpt-4o-mini");
                }
                yield id;
            }
            default -> uuid(scope, id, errors);
        };
    }

    private static String uuid(String scope, String id, Map<String, String> errors) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException notAnId) {
            errors.put("scope_id", "must be the " + scope + "'s id (a UUID)");
            return id;
        }
    }

    private static List<GuardrailRule> rules(
            String side, @Nullable List<@Nullable RuleForm> forms, Map<String, String> errors) {
        List<@Nullable RuleForm> given = forms == null ? List.of() : forms;
        if (given.size() > MAX_RULES) {
            errors.put(side, "must hold at most " + MAX_RULES + " rules");
            return List.of();
        }
        List<GuardrailRule> rules = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            RuleForm form = given.get(i);
            String field = side + "[" + i + "]";
            if (form == null) {
                errors.put(field, "must be a rule");
            } else {
                rules.add(rule(side, field, form, errors));
            }
        }
        return rules;
    }

    private static GuardrailRule rule(String side, String field, RuleForm form, Map<String, String> errors) {
        String detector = String.valueOf(form.detector());
        String action = String.valueOf(form.action());
        if (!GuardrailRule.DETECTORS.contains(detector)) {
            errors.put(field + ".detector", "must be one of " + String.join(", ", DETECTORS));
        } else if (INJECTION.equals(detector) && side.equals("output")) {
            errors.put(field + ".detector", "injection screens requests only: put it in input");
        } else if (JSON_SCHEMA.equals(detector) && side.equals("input")) {
            errors.put(field + ".detector", "json_schema checks answers only: put it in output");
        }
        if (!ACTIONS.contains(action)) {
            errors.put(field + ".action", "must be one of " + String.join(", ", ACTIONS));
        } else if (JSON_SCHEMA.equals(detector) && GuardrailRule.REDACT.equals(action)) {
            errors.put(field + ".action", "must be block or log: an answer that breaks its schema cannot be redacted");
        }
        List<String> terms = terms(field, detector, form.terms(), errors);
        String label = form.label() == null || form.label().isBlank()
                ? null
                : form.label().strip();
        if (label != null && !LABEL.matcher(label).matches()) {
            errors.put(field + ".label", "must be an uppercase letter then up to 31 of A-Z, 0-9 and _, such as US_SSN");
        }
        return new GuardrailRule(detector, action, terms, label);
    }

    private static List<String> terms(
            String field, String detector, @Nullable List<@Nullable String> given, Map<String, String> errors) {
        List<String> terms = new ArrayList<>();
        (given == null ? List.<@Nullable String>of() : given).forEach(term -> {
            if (term != null && !term.isBlank()) {
                terms.add(detector.equals(NATIONAL_ID) ? term : term.strip());
            }
        });
        switch (detector) {
            case DENY_LIST -> checkWords(field, terms, errors);
            case NATIONAL_ID -> checkPatterns(field, terms, errors);
            default -> {
                if (!terms.isEmpty()) {
                    errors.put(field + ".terms", "only deny_list and pii.national_id rules take terms");
                }
            }
        }
        return terms;
    }

    private static void checkWords(String field, List<String> words, Map<String, String> errors) {
        if (words.isEmpty() || words.size() > MAX_TERMS) {
            errors.put(field + ".terms", "a deny_list needs 1 to " + MAX_TERMS + " words or phrases");
        }
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).length() > MAX_TERM_LENGTH) {
                errors.put(field + ".terms[" + i + "]", "must be at most " + MAX_TERM_LENGTH + " characters");
            }
        }
    }

    private static void checkPatterns(String field, List<String> patterns, Map<String, String> errors) {
        if (patterns.isEmpty() || patterns.size() > MAX_PATTERNS) {
            errors.put(field + ".terms", "a pii.national_id rule needs 1 to " + MAX_PATTERNS + " regular expressions");
        }
        for (int i = 0; i < patterns.size(); i++) {
            String problem = RegexSafety.problem(patterns.get(i));
            if (problem != null) {
                errors.put(field + ".terms[" + i + "]", problem);
            }
        }
    }
}
