package dev.tollgate.model.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The Redis layout of live budget spend, kept by the gateway and repaired by the usage service. Amounts are integer
 * <b>nano-dollars</b> (10<sup>-9</sup> USD): Redis counts integers exactly, and a Lua number (a double) still holds
 * every integer up to 2<sup>53</sup> nano-dollars, about nine million dollars per budget and period. The ledger keeps
 * the exact decimal cost; these counters only decide admission, so a cost is rounded <em>up</em> to the next
 * nano-dollar, never down.
 *
 * <pre>
 * tollgate:spend:{budget_id}:{period_id}          string   settled spend in nano-USD
 * tollgate:spend:{budget_id}:{period_id}:held     string   sum of the open holds in nano-USD
 * tollgate:spend:{budget_id}:{period_id}:holds    hash     event_id -&gt; "{nano-USD}:{expires epoch us}"
 * tollgate:spend:{budget_id}:{period_id}:alerted  set      thresholds (percent) already alerted this period
 * </pre>
 *
 * <p>{@code period_id} is {@link BudgetWindow#id()}. Every key of a period that ends expires a week after the end. A
 * hold is released by the settle of its request, or dropped by the next admission after it expires (a crashed
 * gateway's holds do not block a budget for longer than their lifetime).
 */
public final class SpendKeys {

    /** How many nano-dollars make a dollar. */
    public static final long NANOS_PER_USD = 1_000_000_000L;

    /** What SCAN matches to find every settled-spend counter (filter out the suffixed keys). */
    public static final String SCAN_PATTERN = "tollgate:spend:*";

    private SpendKeys() {}

    /** Settled spend of one budget in one period. */
    public static String spent(String budgetId, String periodId) {
        return "tollgate:spend:" + budgetId + ":" + periodId;
    }

    /** Sum of the open holds of one budget in one period. */
    public static String held(String budgetId, String periodId) {
        return spent(budgetId, periodId) + ":held";
    }

    /** The open holds of one budget in one period, by event id. */
    public static String holds(String budgetId, String periodId) {
        return spent(budgetId, periodId) + ":holds";
    }

    /** The thresholds already alerted for one budget in one period. */
    public static String alerted(String budgetId, String periodId) {
        return spent(budgetId, periodId) + ":alerted";
    }

    /** {@code usd} in nano-dollars, rounded up. */
    public static long nanos(BigDecimal usd) {
        return usd.movePointRight(9).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** {@code nanos} nano-dollars as an exact decimal amount of dollars. */
    public static BigDecimal usd(long nanos) {
        return BigDecimal.valueOf(nanos, 9).stripTrailingZeros();
    }
}
