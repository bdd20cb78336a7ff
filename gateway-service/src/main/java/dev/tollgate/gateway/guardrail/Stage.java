package dev.tollgate.gateway.guardrail;

import dev.tollgate.model.guardrail.GuardrailRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rules of every policy that applies to a request, for one stage (the request or the answer), merged: a detector
 * several policies use runs once, with the strongest of their actions, and its redactions are reversible only when
 * every policy redacting with it asked for that.
 *
 * @param name {@code input} or {@code output}, as metrics tag it
 * @param rules the merged rules
 * @param jsonSchema what to do with an answer that does not follow its requested schema; {@code null} for no check
 */
record Stage(String name, List<Rule> rules, @Nullable Action jsonSchema) {

    static final String INPUT = "input";
    static final String OUTPUT = "output";

    // Injection and deny lists screen what callers write (user messages and tool results), not the operator's
    // system prompt nor the model's earlier answers; personal data is removed from every message.
    private static final Set<String> CALLER_CONTENT_ONLY = Set.of(GuardrailRule.INJECTION, GuardrailRule.DENY_LIST);

    static Stage input(List<CompiledPolicy> policies) {
        List<Rule> all = new ArrayList<>();
        policies.forEach(policy -> all.addAll(policy.input()));
        return new Stage(INPUT, merged(all), null);
    }

    static Stage output(List<CompiledPolicy> policies) {
        List<Rule> all = new ArrayList<>();
        Action jsonSchema = null;
        for (CompiledPolicy policy : policies) {
            all.addAll(policy.output());
            if (policy.jsonSchema() != null) {
                jsonSchema = jsonSchema == null ? policy.jsonSchema() : jsonSchema.strongest(policy.jsonSchema());
            }
        }
        return new Stage(OUTPUT, merged(all), jsonSchema);
    }

    boolean isEmpty() {
        return rules.isEmpty() && jsonSchema == null;
    }

    /** The rules that apply to a message of {@code role}. */
    List<Rule> forRole(@Nullable String role) {
        if ("user".equals(role) || "tool".equals(role) || "function".equals(role)) {
            return rules;
        }
        return rules.stream()
                .filter(rule -> !CALLER_CONTENT_ONLY.contains(rule.detector().name()))
                .toList();
    }

    private static List<Rule> merged(List<Rule> all) {
        // Detectors have identity equality: built-in ones are shared, per-rule ones (deny lists, ids) never merge.
        Map<Detector, Rule> byDetector = new LinkedHashMap<>();
        for (Rule rule : all) {
            byDetector.merge(rule.detector(), rule, Stage::stronger);
        }
        return List.copyOf(byDetector.values());
    }

    private static Rule stronger(Rule one, Rule other) {
        boolean reversible = redacting(one, other).stream().allMatch(Rule::reversible);
        Rule winner = one.action().compareTo(other.action()) >= 0 ? one : other;
        return new Rule(winner.detector(), winner.action(), reversible, winner.policyId());
    }

    private static List<Rule> redacting(Rule one, Rule other) {
        return List.of(one, other).stream()
                .filter(rule -> rule.action() == Action.REDACT)
                .toList();
    }
}
