package dev.tollgate.gateway.usage;

import dev.tollgate.gateway.routing.AttemptTrace;
import dev.tollgate.gateway.routing.Target;
import dev.tollgate.model.usage.UsageRecorded.TemplateUse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the usage event of a request knows before the answer: who, which model, routed where, and its prompt count.
 * Pipeline steps that admit or refuse a request (limits, budgets) read the prompt count from here.
 *
 * @param context the request's usage identity
 * @param requestedModel the public model name asked for; {@code null} when the body could not be read
 * @param endUser the body's {@code user}, else the {@code x-tollgate-user} header
 * @param stream whether a stream was asked for
 * @param billing the deployment it was planned against (its route's first); {@code null} until routed
 * @param promptTokens the gateway's count of the prompt, made before forwarding
 * @param hold what admission reserved for the request, released with its usage event
 * @param template the prompt template the request was rendered from, {@code null} when it sent its own messages
 * @param candidates every deployment that may serve it, its route's and its fallbacks'; empty until routed
 * @param attempts its upstream attempts as they happen; {@code null} until routed
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
        List<Billing> candidates,
        @Nullable AttemptTrace attempts,
        GuardrailTrail guardrails) {

    public MeteredCall {
        candidates = List.copyOf(candidates);
    }

    /**
     * The request routed, with its prompt counted for the route's first deployment's model.
     *
     * @param serving every deployment that may serve it ({@code Router#servingTargets}), led by the route's first
     */
    public MeteredCall routed(List<Target> serving, int promptTokens, AttemptTrace attempts) {
        List<Billing> all = serving.stream().map(Billing::of).toList();
        return new MeteredCall(
                context,
                requestedModel,
                endUser,
                stream,
                all.getFirst(),
                promptTokens,
                hold,
                template,
                all,
                attempts,
                guardrails);
    }

    /** The request admitted, holding what admission reserved until its event is written. */
    public MeteredCall holding(UsageHold hold) {
        return new MeteredCall(
                context,
                requestedModel,
                endUser,
                stream,
                billing,
                promptTokens,
                hold,
                template,
                candidates,
                attempts,
                guardrails);
    }

    /**
     * The deployment the request is billed on: the one whose attempt served it, or was tried last; the planned one
     * before any attempt.
     */
    public @Nullable Billing servedBilling() {
        Target served = attempts == null ? null : attempts.target();
        return served != null ? Billing.of(served) : billing;
    }

    /**
     * The most that {@code promptTokens} in and {@code completionTokens} out could cost on any deployment that may
     * serve the request, at the prices in force when it started: what a budget holds. Zero when none is priced (the
     * free mock, or unpriced routes, whose usage is marked unpriced).
     */
    public BigDecimal costOf(long promptTokens, long completionTokens) {
        return candidates.stream()
                .map(candidate -> worstCase(candidate, promptTokens, completionTokens))
                .flatMap(Optional::stream)
                .max(BigDecimal::compareTo)
                .orElse(BigDecimal.ZERO);
    }

    /** What the request would cost on {@code target} with {@code completionTokens} out; {@code null} when unpriced. */
    public @Nullable BigDecimal costOn(Target target, long completionTokens) {
        return worstCase(Billing.of(target), promptTokens, completionTokens).orElse(null);
    }

    private Optional<BigDecimal> worstCase(Billing on, long promptTokens, long completionTokens) {
        return Prices.inForce(on, context.startedAt())
                .map(price -> Prices.worstCase(price, promptTokens, completionTokens));
    }

    /** The model name the tokenizer goes by: the serving upstream's, else the requested one. */
    String meteredModel() {
        Billing served = servedBilling();
        if (served != null) {
            return served.upstreamModel();
        }
        return requestedModel == null ? "" : requestedModel;
    }
}
