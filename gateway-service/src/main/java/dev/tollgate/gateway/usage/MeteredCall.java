package dev.tollgate.gateway.usage;

import dev.tollgate.model.usage.UsageRecorded.TemplateUse;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What the usage event of a request knows before the answer: who, which model, routed where, and its prompt count.
 * Pipeline steps that admit or refuse a request (limits, budgets) read the prompt count from here.
 *
 * @param context the request's usage identity
 * @param requestedModel the public model name asked for; {@code null} when the body could not be read
 * @param endUser the body's {@code user}, else the {@code x-tollgate-user} header
 * @param stream whether a stream was asked for
 * @param billing where it was routed; {@code null} until routed
 * @param promptTokens the gateway's count of the prompt, made before forwarding
 * @param hold what admission reserved for the request, released with its usage event
 * @param template the prompt template the request was rendered from, {@code null} when it sent its own messages
 * @param guardrails what the guardrails decided for it so far, read when its event is written
 */
public record MeteredCall(
        UsageContext context,
        @Nullable String requestedModel,
        @Nullable String endUser,
        boolean stream,
        @Nullable Billing billing,
        int promptTokens,
        UsageHold hold,
        @Nullable TemplateUse template,
        GuardrailTrail guardrails) {

    /** The request routed, with its prompt counted for the upstream's model. */
    public MeteredCall routed(Billing billing, int promptTokens) {
        return new MeteredCall(
                context, requestedModel, endUser, stream, billing, promptTokens, hold, template, guardrails);
    }

    /** The request admitted, holding what admission reserved until its event is written. */
    public MeteredCall holding(UsageHold hold) {
        return new MeteredCall(
                context, requestedModel, endUser, stream, billing, promptTokens, hold, template, guardrails);
    }

    /**
     * What {@code promptTokens} in and {@code completionTokens} out would cost at the price in force when this request
     * started; zero when no price applies (the free mock, or an unpriced route, whose usage is marked unpriced).
     */
    public BigDecimal costOf(long promptTokens, long completionTokens) {
        if (billing == null) {
            return BigDecimal.ZERO;
        }
        return Prices.inForce(billing, context.startedAt())
                .map(price -> Prices.cost(price, new Tokens(promptTokens, completionTokens, 0, 0, true)))
                .orElse(BigDecimal.ZERO);
    }

    /** The model name the tokenizer goes by: the upstream's, else the requested one. */
    String meteredModel() {
        if (billing != null) {
            return billing.upstreamModel();
        }
        return requestedModel == null ? "" : requestedModel;
    }
}
