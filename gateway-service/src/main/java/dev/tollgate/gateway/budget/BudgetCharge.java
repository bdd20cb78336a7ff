package dev.tollgate.gateway.budget;

import dev.tollgate.model.budget.BudgetSnapshot;
import dev.tollgate.model.budget.BudgetThresholdCrossed;
import dev.tollgate.model.budget.BudgetWindow;
import dev.tollgate.model.budget.SpendKeys;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One budget as it applies to one request: the period the request falls in and what the request holds against it.
 *
 * @param budget the budget
 * @param tenantId the tenant it belongs to (a key budget's key's tenant)
 * @param window the current period
 * @param limitNanos the budget's amount in nano-USD
 * @param holdNanos the request's worst-case cost in nano-USD (zero for budgets that only alert)
 */
public record BudgetCharge(
        BudgetSnapshot budget, String tenantId, BudgetWindow window, long limitNanos, long holdNanos) {

    // Spend of an ended period is kept a little while, for the console and for reconciliation.
    private static final long KEEP_SECONDS = 7 * 24 * 3600;

    /** {@code budget} for a request started at {@code now} that may cost up to {@code worstCaseUsd}. */
    public static BudgetCharge of(BudgetSnapshot budget, String tenantId, Instant now, BigDecimal worstCaseUsd) {
        BudgetWindow window = BudgetWindow.of(budget, now);
        long limit = SpendKeys.nanos(new BigDecimal(budget.amountUsd()));
        long hold = budget.blocks() ? SpendKeys.nanos(worstCaseUsd) : 0;
        return new BudgetCharge(budget, tenantId, window, limit, hold);
    }

    public boolean blocks() {
        return budget.blocks();
    }

    /** A stable name for this budget's period, for what the gateway remembers between Redis replies. */
    public String periodKey() {
        return SpendKeys.spent(budget.budgetId(), window.id());
    }

    /** The Redis keys admission touches: spent, held, holds, sweep marker. */
    public List<String> admissionKeys() {
        String id = budget.budgetId();
        return List.of(
                SpendKeys.spent(id, window.id()),
                SpendKeys.held(id, window.id()),
                SpendKeys.holds(id, window.id()),
                SpendKeys.holds(id, window.id()) + ":swept");
    }

    /** The Redis keys settling touches: spent, held, holds, alerted. */
    public List<String> settleKeys() {
        String id = budget.budgetId();
        return List.of(
                SpendKeys.spent(id, window.id()),
                SpendKeys.held(id, window.id()),
                SpendKeys.holds(id, window.id()),
                SpendKeys.alerted(id, window.id()));
    }

    /** When the period's keys may go: a week after it ends; {@code 0} for a lifetime budget. */
    public long expireAtSeconds() {
        return window.end() == null ? 0 : window.end().getEpochSecond() + KEEP_SECONDS;
    }

    /** The fields of a threshold alert that do not depend on the threshold or the spend. */
    public List<String> alertFields(Instant now) {
        BudgetThresholdCrossed sample = new BudgetThresholdCrossed(
                BudgetThresholdCrossed.SCHEMA_VERSION,
                budget.budgetId(),
                budget.scope(),
                budget.scopeId(),
                tenantId,
                window.id(),
                window.start(),
                window.end(),
                0,
                new BigDecimal(budget.amountUsd()),
                BigDecimal.ZERO,
                now,
                "gateway");
        List<String> fields = new ArrayList<>();
        sample.toFields().forEach((name, value) -> {
            if (!DYNAMIC.contains(name)) {
                fields.add(name);
                fields.add(value);
            }
        });
        return fields;
    }

    /** The alert id of a threshold is this prefix and the threshold. */
    public String alertIdPrefix() {
        return budget.budgetId() + ":" + window.id() + ":";
    }

    private static final List<String> DYNAMIC = List.of("schema_version", "alert_id", "threshold_percent", "spent_usd");
}
