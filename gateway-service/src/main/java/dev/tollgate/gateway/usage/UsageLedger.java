package dev.tollgate.gateway.usage;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.routing.AttemptTrace;
import dev.tollgate.model.usage.UsageRecorded;
import dev.tollgate.model.usage.UsageRecorded.CacheUse;
import dev.tollgate.model.usage.UsageRecorded.RoutingUse;
import dev.tollgate.model.usage.UsageStatus;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The write side of the usage ledger as the request pipeline sees it: settles each request into exactly one
 * {@link UsageRecorded} event, priced, and publishes it before the response completes. Handlers call
 * {@link #settle} once the answer is known (before the body or the stream's {@code [DONE]} is written),
 * {@link #failed} from their error path, and {@link #cancelled} when the caller goes away; the first of them to run
 * writes the event, the others do nothing. Fails open: see {@link UsagePublisher}.
 */
@Component
public final class UsageLedger {

    private static final int CLIENT_CLOSED = 499;

    private final UsagePublisher publisher;
    private final TokenMeter meter;

    UsageLedger(UsagePublisher publisher, TokenMeter meter) {
        this.publisher = publisher;
        this.meter = meter;
    }

    /** A tally for the stream of {@code call}. */
    public StreamTally tally(MeteredCall call) {
        return new StreamTally(meter, call);
    }

    /**
     * Records how {@code call} ended and completes with the event once it is published (or spooled). The event is
     * built and returned even when another path already settled the request, but then not published again.
     */
    public Mono<UsageRecorded> settle(MeteredCall call, Outcome outcome) {
        return Mono.defer(() -> published(call, event(call, outcome)));
    }

    /**
     * Records a request answered from the response cache: a success that cost nothing, with the tokens the answer
     * used when a provider made it and, as its saving, what those would cost at the price in force when it started. {@code kind}
     * is how the cache found it, {@code hit} or {@code semantic-hit}.
     */
    public Mono<UsageRecorded> settleCached(MeteredCall call, Tokens tokens, @Nullable Long ttftMillis, String kind) {
        return Mono.defer(() -> published(call, cachedEvent(call, Outcome.success(tokens, ttftMillis), kind)));
    }

    /**
     * Records a cached answer whose caller went away during its replay: free like any hit, and with the saving of
     * one. Nothing waits for the write, which still completes.
     */
    public void cancelledCached(MeteredCall call, Tokens tokens, String kind) {
        var cancelled = new Outcome(UsageStatus.CLIENT_CANCELLED, tokens, CLIENT_CLOSED, null, null);
        var unused = Mono.defer(() -> published(call, cachedEvent(call, cancelled, kind)))
                .toFuture();
    }

    /**
     * Records a failed request and fails with {@code failure} again: {@code rejected} when it never reached a
     * provider, {@code upstream_error} when it did. Nothing was generated, so nothing is billed.
     */
    public <T> Mono<T> failed(MeteredCall call, Throwable failure, boolean reachedUpstream) {
        UsageStatus status = reachedUpstream ? UsageStatus.UPSTREAM_ERROR : UsageStatus.REJECTED;
        return settle(call, new Outcome(status, Tokens.NONE, httpStatus(failure), null, errorCode(failure)))
                .then(Mono.error(failure));
    }

    /**
     * Records an answer a guardrail withheld from its caller, billed for the {@code tokens} the provider generated,
     * and fails with {@code failure} again. The status is {@code rejected}: the caller got no answer.
     */
    public <T> Mono<T> withheld(MeteredCall call, Tokens tokens, Throwable failure) {
        return settle(call, new Outcome(UsageStatus.REJECTED, tokens, httpStatus(failure), null, errorCode(failure)))
                .then(Mono.error(failure));
    }

    /** Records a request whose caller went away; nothing waits for the write, which still completes. */
    public void cancelled(MeteredCall call, Tokens tokens, @Nullable Long ttftMillis) {
        // toFuture() starts the write now: there is no chain left to attach it to after a cancel.
        var unused = settle(call, new Outcome(UsageStatus.CLIENT_CANCELLED, tokens, CLIENT_CLOSED, ttftMillis, null))
                .toFuture();
    }

    /**
     * How a request ended.
     *
     * @param status the outcome
     * @param tokens what it used
     * @param httpStatus the status the caller got
     * @param ttftMillis time to the first streamed chunk, if one came
     * @param errorCode the error code the caller got, {@code null} on success
     */
    public record Outcome(
            UsageStatus status,
            Tokens tokens,
            int httpStatus,
            @Nullable Long ttftMillis,
            @Nullable String errorCode) {

        /** A complete answer. */
        public static Outcome success(Tokens tokens, @Nullable Long ttftMillis) {
            return new Outcome(UsageStatus.SUCCESS, tokens, 200, ttftMillis, null);
        }
    }

    private Mono<UsageRecorded> published(MeteredCall call, UsageRecorded event) {
        return call.context().settlement().claim() ? publishedAndReleased(call, event) : Mono.just(event);
    }

    private Mono<UsageRecorded> publishedAndReleased(MeteredCall call, UsageRecorded event) {
        return publisher.publish(event, call.hold().release(event)).thenReturn(event);
    }

    private static UsageRecorded event(MeteredCall call, Outcome outcome) {
        Tokens tokens = outcome.tokens();
        return event(
                call,
                outcome,
                Prices.charge(call.servedBilling(), call.context().startedAt(), tokens),
                null);
    }

    private static UsageRecorded cachedEvent(MeteredCall call, Outcome outcome, String kind) {
        Prices.Charge charge =
                Prices.charge(call.servedBilling(), call.context().startedAt(), outcome.tokens());
        var free = new Prices.Charge(BigDecimal.ZERO.setScale(Prices.MIN_SCALE), charge.priceVersion(), true);
        var saving = new CacheUse(kind, saving(call, outcome.tokens()));
        return event(call, outcome, free, saving);
    }

    private static BigDecimal saving(MeteredCall call, Tokens tokens) {
        Billing served = call.servedBilling();
        BigDecimal cost = served == null
                ? BigDecimal.ZERO
                : Prices.inForce(served, call.context().startedAt())
                        .map(price -> Prices.cost(price, tokens))
                        .orElse(BigDecimal.ZERO);
        return cost.scale() < Prices.MIN_SCALE ? cost.setScale(Prices.MIN_SCALE) : cost;
    }

    private static UsageRecorded event(
            MeteredCall call, Outcome outcome, Prices.Charge charge, @Nullable CacheUse cache) {
        UsageContext context = call.context();
        Billing billing = call.servedBilling();
        AttemptTrace attempts = call.attempts();
        Tokens tokens = outcome.tokens();
        return new UsageRecorded(
                UsageRecorded.SCHEMA_VERSION,
                context.eventId(),
                context.requestId(),
                context.startedAt(),
                context.tenantId(),
                context.keyId(),
                call.endUser(),
                context.tags(),
                call.requestedModel(),
                billing == null ? null : billing.deploymentId(),
                billing == null ? null : billing.provider(),
                billing == null ? null : billing.upstreamModel(),
                tokens.prompt(),
                tokens.completion(),
                tokens.cached(),
                tokens.cacheWritten(),
                tokens.reasoning(),
                tokens.estimated(),
                charge.costUsd(),
                charge.priceVersion(),
                charge.priced(),
                outcome.status(),
                outcome.httpStatus(),
                (System.nanoTime() - context.startedNanos()) / 1_000_000,
                call.stream() ? outcome.ttftMillis() : null,
                call.stream(),
                attempts == null ? 0 : attempts.retries(),
                context.costCenter(),
                outcome.errorCode(),
                call.template(),
                cache,
                routing(attempts),
                call.guardrails().use());
    }

    // Recorded only when a fallback was taken: the requested model's own answers need no routing note.
    private static @Nullable RoutingUse routing(@Nullable AttemptTrace attempts) {
        return attempts == null || attempts.fallbacks() == 0
                ? null
                : new RoutingUse(attempts.fallbacks(), attempts.model());
    }

    // The code the caller got: a provider's own (context_length_exceeded, content_filter…) when it was relayed.
    private static String errorCode(Throwable failure) {
        if (!(failure instanceof GatewayException known)) {
            return ErrorCode.INTERNAL_ERROR.code();
        }
        GatewayException.Relayed relayed = known.relayed();
        return relayed != null && relayed.code() != null
                ? relayed.code()
                : known.code().code();
    }

    private static int httpStatus(Throwable failure) {
        return failure instanceof GatewayException known ? known.status().value() : 500;
    }
}
