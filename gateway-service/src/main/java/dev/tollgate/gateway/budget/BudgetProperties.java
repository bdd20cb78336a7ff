package dev.tollgate.gateway.budget;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Budget enforcement, bound from {@code tollgate.budgets}. The budgets themselves are published by the control plane.
 *
 * @param holdTtl how long a request's hold on a budget lives if its gateway never settles it (a crash); keep it
 *     longer than the longest request (the upstream total timeout), or a running request's hold is swept early
 * @param sweepInterval how often, at most, admission drops a budget's expired holds
 * @param cacheTtl how long published budgets are trusted without asking Redis again (change announcements drop them
 *     at once)
 * @param maxStale how long budgets past their TTL may still be used while Redis is unreachable
 * @param redisOutage what admission does while Redis is unreachable
 * @param cacheSize most scopes whose budgets are held in memory
 */
@Validated
@ConfigurationProperties("tollgate.budgets")
public record BudgetProperties(
        @DefaultValue("15m") @DurationMin(minutes = 1) Duration holdTtl,
        @DefaultValue("10s") @DurationMin(millis = 100) Duration sweepInterval,
        @DefaultValue("30s") Duration cacheTtl,
        @DefaultValue("5m") Duration maxStale,
        @DefaultValue("degrade") RedisOutage redisOutage,
        @DefaultValue("100000") @Min(1) long cacheSize) {

    /** What admission does while Redis is unreachable. */
    public enum RedisOutage {
        /**
         * Rate limits fall back to each instance's share; budgets keep admitting until the last spend this instance
         * saw, plus what it admitted since, reaches the limit, and refuse budgets it never saw with 503.
         */
        DEGRADE,
        /** Every request that has a limit or a budget is refused with 503 until Redis answers again. */
        FAIL_CLOSED
    }
}
