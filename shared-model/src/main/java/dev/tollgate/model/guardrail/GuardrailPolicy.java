package dev.tollgate.model.guardrail;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A named set of guardrail rules attached to one scope. A request is screened by every enabled policy of the platform,
 * its tenant, its key and its public model together; where several rules match, the strongest action wins
 * ({@code block} over {@code redact} over {@code log}).
 *
 * @param policyId the policy's id
 * @param name its display name
 * @param scope {@code global}, {@code tenant}, {@code key} or {@code route}
 * @param scopeId the tenant's id, the key's id, the public model name, or {@link GuardrailKeys#GLOBAL_ID}
 * @param input rules applied to the request before it reaches a provider
 * @param output rules applied to the answer before it reaches the caller
 * @param reversible whether text this policy redacts from the request is sent upstream as numbered placeholders (such
 *     as {@code <EMAIL_1>}) and restored in the answer to the caller, streams included
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GuardrailPolicy(
        @JsonProperty("policy_id") String policyId,
        String name,
        String scope,
        @JsonProperty("scope_id") String scopeId,
        List<GuardrailRule> input,
        List<GuardrailRule> output,
        boolean reversible) {

    public static final String GLOBAL = "global";
    public static final String TENANT = "tenant";
    public static final String KEY = "key";
    public static final String ROUTE = "route";

    public GuardrailPolicy {
        input = input == null ? List.of() : List.copyOf(input);
        output = output == null ? List.of() : List.copyOf(output);
    }
}
