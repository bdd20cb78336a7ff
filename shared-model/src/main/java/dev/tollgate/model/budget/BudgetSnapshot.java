package dev.tollgate.model.budget;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One budget as the gateway sees it: at most {@code amountUsd} spent per {@code period}, periods starting at midnight
 * in {@code timezone} (Monday for weeks, the first day for months and quarters; never for {@code lifetime}).
 *
 * @param budgetId the budget's id
 * @param scope {@code tenant} or {@code key}
 * @param scopeId the tenant's or the virtual key's id
 * @param amountUsd the limit in US dollars as a plain decimal string, such as {@code "250.5"}
 * @param period {@code daily}, {@code weekly}, {@code monthly}, {@code quarterly} or {@code lifetime}
 * @param timezone IANA time-zone id in which periods start, such as {@code Europe/Berlin}
 * @param thresholds ascending percentages of the limit (1 to 100) at which to alert, such as {@code [50, 80, 100]}
 * @param action at 100%: {@code block} refuses further requests, {@code alert} only alerts
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BudgetSnapshot(
        @JsonProperty("budget_id") String budgetId,
        String scope,
        @JsonProperty("scope_id") String scopeId,
        @JsonProperty("amount_usd") String amountUsd,
        String period,
        String timezone,
        List<Integer> thresholds,
        String action) {

    public static final String BLOCK = "block";

    /** Whether reaching the limit refuses requests rather than only alerting. */
    public boolean blocks() {
        return BLOCK.equals(action);
    }
}
