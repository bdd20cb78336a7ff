package dev.tollgate.admin.guardrail;

import dev.tollgate.admin.guardrail.PolicyForm.RuleForm;
import dev.tollgate.model.guardrail.GuardrailRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The console's policy form. It differs from {@link PolicyForm} only where a browser form does: rules are rows of a
 * table (a row without a detector is left out, so the form can offer empty rows to fill), terms are one per line, and
 * unchecked boxes are absent.
 */
record PolicyPageForm(
        @Nullable String name,
        @Nullable String scope,
        @Nullable String scopeId,
        @Nullable List<RuleRow> input,
        @Nullable List<RuleRow> output,
        @Nullable Boolean reversible,
        @Nullable Boolean enabled) {

    /** Empty rows offered below a policy's rules on each side. */
    static final int SPARE_ROWS = 3;

    static PolicyPageForm forScope(@Nullable String scope, @Nullable String scopeId) {
        return new PolicyPageForm(null, scope, scopeId, spare(List.of()), spare(List.of()), false, true);
    }

    static PolicyPageForm of(PolicyView policy) {
        return new PolicyPageForm(
                policy.name(),
                policy.scope(),
                policy.scopeId(),
                spare(policy.input().stream().map(RuleRow::of).toList()),
                spare(policy.output().stream().map(RuleRow::of).toList()),
                policy.reversible(),
                policy.enabled());
    }

    /** The same form with its empty rows topped up again, to show after a refusal. */
    PolicyPageForm withSpareRows() {
        return new PolicyPageForm(
                name, scope, scopeId, spare(filled(input)), spare(filled(output)), reversible, enabled);
    }

    PolicyForm toPolicyForm() {
        return new PolicyForm(
                name,
                scope,
                scopeId,
                filled(input).stream().map(RuleRow::toRuleForm).toList(),
                filled(output).stream().map(RuleRow::toRuleForm).toList(),
                Boolean.TRUE.equals(reversible),
                Boolean.TRUE.equals(enabled));
    }

    private static List<RuleRow> filled(@Nullable List<RuleRow> rows) {
        return rows == null ? List.of() : rows.stream().filter(RuleRow::filled).toList();
    }

    private static List<RuleRow> spare(List<RuleRow> rows) {
        List<RuleRow> all = new ArrayList<>(rows);
        for (int i = 0; i < SPARE_ROWS; i++) {
            all.add(new RuleRow(null, GuardrailRule.REDACT, null, null));
        }
        return all;
    }

    /**
     * One row of the rules table.
     *
     * @param terms words, phrases or patterns, one per line
     */
    record RuleRow(
            @Nullable String detector,
            @Nullable String action,
            @Nullable String terms,
            @Nullable String label) {

        static RuleRow of(GuardrailRule rule) {
            return new RuleRow(rule.detector(), rule.action(), String.join("\n", rule.terms()), rule.label());
        }

        boolean filled() {
            return detector != null && !detector.isBlank();
        }

        RuleForm toRuleForm() {
            List<@Nullable String> lines =
                    terms == null ? List.of() : new ArrayList<@Nullable String>(Arrays.asList(terms.split("\\R")));
            return new RuleForm(detector, action, lines, label);
        }
    }
}
