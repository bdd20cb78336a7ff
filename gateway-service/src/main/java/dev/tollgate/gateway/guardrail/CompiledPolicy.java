package dev.tollgate.gateway.guardrail;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A published policy with its detectors built, cached with the scope it was published for.
 *
 * @param policyId the policy's id
 * @param input rules screening requests
 * @param output rules screening answers
 * @param jsonSchema what to do with an answer that does not follow the JSON schema its request asked for, {@code null}
 *     when this policy does not check that
 */
record CompiledPolicy(
        String policyId,
        List<Rule> input,
        List<Rule> output,
        @Nullable Action jsonSchema) {}
