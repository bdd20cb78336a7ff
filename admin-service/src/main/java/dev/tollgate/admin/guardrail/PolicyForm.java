package dev.tollgate.admin.guardrail;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A guardrail policy as posted to {@code POST /api/v1/guardrail-policies} and put to
 * {@code PUT /api/v1/guardrail-policies/{id}}. Checked by {@link PolicyRules}, which names every field at fault at once.
 *
 * @param name what the console calls it, unique within its scope
 * @param scope {@code global}, {@code tenant}, {@code key} or {@code route}; fixed once created
 * @param scopeId the tenant's or key's id, or the public model name; {@code all} (or absent) for {@code global}; fixed
 *     once created
 * @param input rules for the request, before it reaches a provider
 * @param output rules for the answer, before it reaches the caller
 * @param reversible whether redacted request text goes upstream as placeholders restored in the answer
 * @param enabled whether the gateway applies it; {@code true} when absent
 */
record PolicyForm(
        @Nullable String name,
        @Nullable String scope,
        @Nullable String scopeId,
        @Nullable List<@Nullable RuleForm> input,
        @Nullable List<@Nullable RuleForm> output,
        @Nullable Boolean reversible,
        @Nullable Boolean enabled) {

    /**
     * One rule as posted.
     *
     * @param detector one of {@code GuardrailRule.DETECTORS}
     * @param action {@code block}, {@code redact} or {@code log}
     * @param terms the words of a {@code deny_list}, or the regular expressions of a {@code pii.national_id}
     * @param label the name shown for its matches, such as {@code US_SSN}
     */
    record RuleForm(
            @Nullable String detector,
            @Nullable String action,
            @Nullable List<@Nullable String> terms,
            @Nullable String label) {}
}
