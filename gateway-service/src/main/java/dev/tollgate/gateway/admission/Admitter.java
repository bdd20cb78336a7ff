package dev.tollgate.gateway.admission;

import dev.tollgate.gateway.auth.Caller;
import dev.tollgate.gateway.budget.BudgetCharge;
import dev.tollgate.gateway.budget.BudgetProperties;
import dev.tollgate.gateway.budget.BudgetProperties.RedisOutage;
import dev.tollgate.gateway.budget.BudgetRefusal;
import dev.tollgate.gateway.budget.PublishedBudgets;
import dev.tollgate.gateway.budget.SpendMemory;
import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.ratelimit.Limits;
import dev.tollgate.gateway.ratelimit.LocalLimiter;
import dev.tollgate.gateway.ratelimit.RateLimitDegradation;
import dev.tollgate.gateway.ratelimit.RateLimitHeaders;
import dev.tollgate.gateway.ratelimit.RateLimitProperties;
import dev.tollgate.gateway.ratelimit.RateLimitRefusal;
import dev.tollgate.gateway.ratelimit.Verdict;
import dev.tollgate.gateway.redis.BlockingRedis;
import dev.tollgate.gateway.redis.ScriptCall;
import dev.tollgate.gateway.usage.MeteredCall;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Admits a request against the rate limits of its key and its tenant and holds its worst-case cost on every blocking
 * budget that applies, in one {@code EVALSHA} of {@code admit.lua} (GCRA and spend on Redis's clock, so any number of
 * gateways share them exactly). Requests with no limits and no blocking budgets cost no round trip.
 *
 * <p>When Redis fails or times out, rate limits <b>fail open</b> to this instance's share of each limit, and budgets
 * <b>fail closed</b>: they admit only while the spend this instance last saw, plus what it admitted since, is under
 * the limit (see {@link SpendMemory}). With {@code tollgate.budgets.redis-outage=fail-closed} both refuse with 503.
 */
@Component
public final class Admitter {

    private static final Logger log = LoggerFactory.getLogger(Admitter.class);

    private final BlockingRedis redis;
    private final PublishedBudgets budgets;
    private final SpendMemory memory;
    private final BudgetProperties properties;
    private final LocalLimiter local;
    private final AdmissionScripts scripts = new AdmissionScripts();
    private final RateLimitDegradation degradation;

    Admitter(
            BlockingRedis redis,
            PublishedBudgets budgets,
            SpendMemory memory,
            BudgetProperties properties,
            RateLimitProperties limits,
            MeterRegistry registry) {
        this.redis = redis;
        this.budgets = budgets;
        this.memory = memory;
        this.properties = properties;
        this.local = new LocalLimiter(limits.expectedInstances());
        this.degradation = new RateLimitDegradation(registry, limits.expectedInstances());
    }

    /**
     * Admits {@code call} of {@code caller}, which may use {@code promptTokens} and at most {@code outputTokens}, or
     * fails with 429 {@code rate_limit_exceeded} or {@code budget_exceeded}, or 503 when it cannot be decided.
     */
    public Mono<Admission> admit(Caller caller, MeteredCall call, long promptTokens, long outputTokens) {
        BigDecimal worstCase = call.costOf(promptTokens, outputTokens);
        return budgets.applying(caller)
                .map(applying -> plan(caller, call, promptTokens + outputTokens, applying, worstCase))
                .flatMap(this::decided);
    }

    private static AdmissionPlan plan(
            Caller caller,
            MeteredCall call,
            long tokens,
            List<dev.tollgate.model.budget.BudgetSnapshot> applying,
            BigDecimal worstCase) {
        // The period the ledger will file the request under: the one it started in.
        Instant now = call.context().startedAt();
        List<Limits> subjects = Stream.of(Limits.of(caller.key()), Limits.of(caller.tenant()))
                .filter(limits -> !limits.unlimited())
                .toList();
        List<BudgetCharge> charges = applying.stream()
                .map(budget -> BudgetCharge.of(budget, caller.tenant().tenantId(), now, worstCase))
                .toList();
        return new AdmissionPlan(call.context().eventId(), subjects, tokens, charges);
    }

    private Mono<Admission> decided(AdmissionPlan plan) {
        if (!plan.decides()) {
            return Mono.just(plan.charges().isEmpty() ? Admission.UNLIMITED : settleOnly(plan));
        }
        ScriptCall admit = scripts.admit(plan, properties.holdTtl(), properties.sweepInterval());
        // Detached, like the usage event: a caller that goes away mid-admission must not leave its holds behind.
        CompletableFuture<AdmissionReply> decision = redis.run(admit.script(), admit.keys(), admit.args())
                .map(reply -> AdmissionReply.of(plan, reply))
                .toFuture();
        return Mono.fromFuture(decision, true)
                .doOnCancel(() -> decision.thenAccept(reply -> abandoned(plan, reply)))
                .doOnNext(reply -> degradation.recovered())
                .flatMap(reply -> shared(plan, reply))
                .onErrorResume(GatewayException.class, failure -> unshared(plan, failure));
    }

    // The request was admitted but nobody is left to answer: give back what it took, as an answer that cost nothing.
    private void abandoned(AdmissionPlan plan, AdmissionReply reply) {
        if (!reply.admitted()) {
            return;
        }
        List<Limits> charged =
                plan.subjects().stream().filter(limits -> limits.tokens() > 0).toList();
        ScriptCall release = scripts.settle(plan, charged, -plan.tokens(), 0, Instant.now());
        redis.run(release.script(), release.keys(), release.args())
                .subscribe(
                        done -> {}, failure -> log.debug("abandoned admission not released: {}", failure.toString()));
    }

    private Admission settleOnly(AdmissionPlan plan) {
        return new Admission(Map.of(), new SettleHold(plan, List.of(), scripts, memory));
    }

    private Mono<Admission> shared(AdmissionPlan plan, AdmissionReply reply) {
        List<BudgetCharge> blocking = plan.blocking();
        for (int i = 0; i < blocking.size(); i++) {
            memory.saw(blocking.get(i), reply.spentAndHeld().get(i));
        }
        if (reply.deniedBudget() >= 0) {
            BudgetCharge charge = blocking.get(reply.deniedBudget());
            long spent = reply.spentAndHeld().get(reply.deniedBudget());
            return Mono.error(BudgetRefusal.of(charge, spent, Instant.now()));
        }
        if (!reply.admitted()) {
            return Mono.error(RateLimitRefusal.of(reply.verdicts()));
        }
        return Mono.just(new Admission(
                RateLimitHeaders.of(reply.verdicts()), new SettleHold(plan, plan.subjects(), scripts, memory)));
    }

    // A refusal decided by Redis passes through; only Redis's own failure makes this instance decide alone.
    private Mono<Admission> unshared(AdmissionPlan plan, GatewayException failure) {
        if (failure.code() != ErrorCode.CONFIG_UNAVAILABLE) {
            return Mono.error(failure);
        }
        if (properties.redisOutage() == RedisOutage.FAIL_CLOSED) {
            return Mono.error(GatewayException.upstream(
                    ErrorCode.CONFIG_UNAVAILABLE,
                    "The gateway cannot check this key's limits and budgets right now; please retry shortly.",
                    failure));
        }
        degradation.failed(failure);
        return Mono.fromCallable(() -> alone(plan));
    }

    private Admission alone(AdmissionPlan plan) {
        List<BudgetCharge> blocking = plan.blocking();
        memory.holdAlone(blocking).ifPresent(refused -> {
            throw refused.unknown()
                    ? GatewayException.upstream(
                            ErrorCode.BUDGET_UNAVAILABLE,
                            "The gateway cannot check this key's budgets right now; please retry shortly.",
                            null)
                    : BudgetRefusal.of(refused.charge(), refused.spentNanos(), Instant.now());
        });
        List<Verdict> verdicts = local.admit(plan.subjects(), plan.tokens());
        if (verdicts.stream().anyMatch(verdict -> !verdict.admitted())) {
            memory.settled(blocking, 0);
            throw RateLimitRefusal.of(verdicts);
        }
        return new Admission(RateLimitHeaders.of(verdicts), new SettleHold(plan, List.of(), scripts, memory));
    }
}
