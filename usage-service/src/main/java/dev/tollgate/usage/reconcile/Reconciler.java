package dev.tollgate.usage.reconcile;

import dev.tollgate.model.budget.BudgetSnapshot;
import dev.tollgate.model.budget.BudgetThresholdCrossed;
import dev.tollgate.model.budget.BudgetWindow;
import dev.tollgate.model.budget.SpendKeys;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconciliation round over every published budget, run by whichever instance holds the Redis lock. The ledger is
 * the truth for settled spend; the counter may legitimately be <em>ahead</em> of it (events still in the stream), never
 * behind, so only a counter behind the ledger is changed, and only upward.
 */
class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    private static final Duration KEEP_AFTER_PERIOD = Duration.ofDays(7); // SpendKeys: keys expire a week after

    private final SpendCounters counters;
    private final LedgerSpend ledger;
    private final DriftRepository drift;
    private final ReconcileProperties properties;
    private final String owner = UUID.randomUUID().toString();

    Reconciler(SpendCounters counters, LedgerSpend ledger, DriftRepository drift, ReconcileProperties properties) {
        this.counters = counters;
        this.ledger = ledger;
        this.drift = drift;
        this.properties = properties;
    }

    /** Runs one round as of {@code now} unless another instance is running one; whether this one ran. */
    boolean reconcile(Instant now) {
        if (!counters.lock(properties.lockKey(), owner, properties.lockTtl().toMillis())) {
            return false;
        }
        try {
            for (BudgetSnapshot budget : counters.publishedBudgets()) {
                reconcileQuietly(budget, now);
            }
            return true;
        } finally {
            counters.unlock(properties.lockKey(), owner);
        }
    }

    // One bad budget (an unknown period kind, say) must not stop the others.
    private void reconcileQuietly(BudgetSnapshot budget, Instant now) {
        try {
            reconcile(budget, now);
        } catch (RuntimeException failed) {
            log.warn("Could not reconcile budget {}", budget.budgetId(), failed);
        }
    }

    private void reconcile(BudgetSnapshot budget, Instant now) {
        BudgetWindow window = BudgetWindow.of(budget, now);
        LedgerSpend.Spend spend = ledger.spend(budget.scope(), budget.scopeId(), window.start(), window.end());
        Long counter = counters.spent(budget.budgetId(), window.id());
        long counted = counter == null ? 0 : counter;
        if (counted < spend.nanos()) {
            counters.raise(budget.budgetId(), window.id(), spend.nanos() - counted, expiry(window));
            log.warn(
                    "Budget {} period {}: counter {} nano-USD was below the ledger's {}; raised to it",
                    budget.budgetId(),
                    window.id(),
                    counter == null ? "(missing)" : counter,
                    spend.nanos());
            record(budget, window, counter, spend, Drift.RAISED, now);
        } else if (counted - spend.nanos() > SpendKeys.nanos(properties.toleranceUsd())) {
            record(budget, window, counter, spend, Drift.RECORDED, now);
        }
        alertCrossedThresholds(budget, window, spend, now);
    }

    private void record(
            BudgetSnapshot budget,
            BudgetWindow window,
            @Nullable Long counter,
            LedgerSpend.Spend spend,
            String action,
            Instant now) {
        drift.record(new Drift(
                        now,
                        budget.budgetId(),
                        window.id(),
                        budget.scope(),
                        budget.scopeId(),
                        counter == null ? 0 : counter,
                        counter == null,
                        spend.nanos(),
                        spend.usd(),
                        action))
                .block();
    }

    private void alertCrossedThresholds(
            BudgetSnapshot budget, BudgetWindow window, LedgerSpend.Spend spend, Instant now) {
        BigDecimal limit = new BigDecimal(budget.amountUsd());
        for (int threshold : budget.thresholds()) {
            boolean crossed = spend.usd()
                            .multiply(BigDecimal.valueOf(100))
                            .compareTo(limit.multiply(BigDecimal.valueOf(threshold)))
                    >= 0;
            if (crossed && spend.tenantId() != null) {
                BudgetThresholdCrossed alert = new BudgetThresholdCrossed(
                        BudgetThresholdCrossed.SCHEMA_VERSION,
                        budget.budgetId(),
                        budget.scope(),
                        budget.scopeId(),
                        spend.tenantId(),
                        window.id(),
                        window.start(),
                        window.end(),
                        threshold,
                        limit,
                        spend.usd(),
                        now,
                        "ledger");
                if (counters.alertOnce(alert, expiry(window))) {
                    log.warn(
                            "Budget {} crossed {}% in period {} unalerted; alerted from the ledger",
                            budget.budgetId(), threshold, window.id());
                }
            }
        }
    }

    private static @Nullable Instant expiry(BudgetWindow window) {
        Instant end = window.end();
        return end == null ? null : end.plus(KEEP_AFTER_PERIOD);
    }
}
