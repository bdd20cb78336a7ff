package dev.tollgate.gateway.budget;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.budget.SpendKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The 429 {@code budget_exceeded} of a request whose budget is spent: the message names the budget (its period,
 * amount and whose it is) and when it resets, and {@code retry-after} says the same in seconds.
 */
public final class BudgetRefusal {

    private BudgetRefusal() {}

    /** The refusal for {@code charge}, whose period has {@code spentNanos} spent or held. */
    public static GatewayException of(BudgetCharge charge, long spentNanos, Instant now) {
        String whose = "key".equals(charge.budget().scope()) ? "this key" : "this key's tenant";
        String message = "The %s budget of %s USD for %s is exhausted (%s USD spent or reserved)%s."
                .formatted(
                        charge.budget().period(),
                        charge.budget().amountUsd(),
                        whose,
                        SpendKeys.usd(spentNanos).toPlainString(),
                        resets(charge));
        if (charge.window().end() == null) {
            return GatewayException.rejected(ErrorCode.BUDGET_EXCEEDED, message);
        }
        long seconds = Math.max(1, Duration.between(now, charge.window().end()).toSeconds());
        return GatewayException.rejected(
                ErrorCode.BUDGET_EXCEEDED, message, Map.of("retry-after", String.valueOf(seconds)));
    }

    private static String resets(BudgetCharge charge) {
        Instant end = charge.window().end();
        if (end == null) {
            return "; it does not reset";
        }
        ZoneId zone = ZoneId.of(charge.budget().timezone());
        return "; it resets at " + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(end.atZone(zone)) + " (" + zone.getId()
                + ")";
    }
}
