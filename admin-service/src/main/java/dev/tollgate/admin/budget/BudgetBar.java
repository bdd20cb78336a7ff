package dev.tollgate.admin.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How much of a budget its current period has used, for the console's bars.
 *
 * @param periodId the current period, such as {@code 2026-11-01} or {@code lifetime}
 * @param spentUsd settled spend this period
 * @param heldUsd spend reserved by requests still running
 * @param limitUsd the budget's limit
 * @param percent settled spend as a whole percentage of the limit; past 100 when overspent
 */
public record BudgetBar(String periodId, BigDecimal spentUsd, BigDecimal heldUsd, BigDecimal limitUsd, int percent) {

    static BudgetBar of(String periodId, BigDecimal spentUsd, BigDecimal heldUsd, BigDecimal limitUsd) {
        int percent = limitUsd.signum() == 0
                ? 100
                : spentUsd.multiply(BigDecimal.valueOf(100))
                        .divide(limitUsd, 0, RoundingMode.DOWN)
                        .intValue();
        return new BudgetBar(periodId, spentUsd, heldUsd, limitUsd, percent);
    }

    /** The bar's filled width in percent, capped at a full bar. */
    public int width() {
        return Math.min(percent, 100);
    }

    /** {@code over} at or past the limit, {@code warn} from 80 %, empty below. */
    public String state() {
        return percent >= 100 ? "over" : percent >= 80 ? "warn" : "";
    }

    public boolean holds() {
        return heldUsd.signum() > 0;
    }
}
