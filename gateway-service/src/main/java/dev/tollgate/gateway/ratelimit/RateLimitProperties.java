package dev.tollgate.gateway.ratelimit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-key limits, bound from {@code tollgate.limits}. The limits themselves come with each published key.
 *
 * @param maxTokensPolicy what happens to a request asking for more output than its key's {@code max_tokens}
 * @param defaultOutputTokens output tokens charged up front to a request that sets no output cap (corrected once the
 *     real usage is known)
 * @param expectedInstances how many gateways share the traffic; while Redis is down each one allows this share of a
 *     key's limits on its own
 */
@Validated
@ConfigurationProperties("tollgate.limits")
public record RateLimitProperties(
        @DefaultValue("clamp") MaxTokensPolicy maxTokensPolicy,
        @DefaultValue("256") @Min(0) int defaultOutputTokens,
        @DefaultValue("1") @Min(1) @Max(10_000) int expectedInstances) {

    /** What to do with a request whose output cap is above its key's. */
    public enum MaxTokensPolicy {
        /** Lower it to the key's cap and say so in {@code x-tollgate-max-tokens-clamped}. */
        CLAMP,
        /** Refuse it: 400 {@code invalid_request} naming the field. */
        REJECT
    }
}
