package dev.tollgate.admin.guardrail;

import dev.tollgate.model.guardrail.GuardrailRule;
import java.util.List;

/**
 * A policy that passed {@link PolicyRules}: names stripped, the scope id in its one canonical spelling (lowercase ids,
 * {@code all} for global), blank labels and absent terms gone.
 */
record CheckedPolicy(
        String name,
        String scope,
        String scopeId,
        List<GuardrailRule> input,
        List<GuardrailRule> output,
        boolean reversible,
        boolean enabled) {}
